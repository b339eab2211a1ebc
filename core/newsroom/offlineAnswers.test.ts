// The newsroom's last answers: the same read (whoever's actor id, keys in any order) gets the
// answer last remembered for it, with when it was given; another read gets none; a newer answer
// replaces an older one written just before it.
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempLibrary';
import { isRememberedRead, OfflineAnswers, upgradeKept } from './offlineAnswers';
import { ARTICLE_SCHEMA_VERSION } from '../../shared/model/article';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('the newsroom’s last answers', () => {
  it('recalls a read by method and input, not by actor or key order', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    let clock = Date.parse('2026-12-07T08:00:00Z');
    const answers = new OfflineAnswers(dir, () => new Date(clock));
    await answers.remember('listArticles', { actor: 'person-a', scope: 'active', desk: '사회부' }, [{ id: 'story-1', headline: '첫눈' }]);
    expect(await answers.recall('listArticles', { desk: '사회부', scope: 'active', actor: 'person-b' })).toEqual({ at: '2026-12-07T08:00:00.000Z', answer: [{ id: 'story-1', headline: '첫눈' }] });
    expect(await answers.recall('listArticles', { scope: 'trash' })).toBeNull();
    expect(await answers.recall('getArticle', { scope: 'active', desk: '사회부' })).toBeNull();

    // Two answers in a row: the later one stays.
    clock += 60_000;
    void answers.remember('getArticle', { id: 'story-1' }, { headline: '옛 제목' });
    clock += 60_000;
    void answers.remember('getArticle', { id: 'story-1' }, { headline: '새 제목' });
    expect(await answers.recall('getArticle', { id: 'story-1' })).toEqual({ at: '2026-12-07T08:02:00.000Z', answer: { headline: '새 제목' } });

    // The same answer again is not written again: the copy keeps when it was first given.
    clock += 60_000;
    await answers.remember('getArticle', { id: 'story-1' }, { headline: '새 제목' });
    expect((await answers.recall('getArticle', { id: 'story-1' }))?.at).toBe('2026-12-07T08:02:00.000Z');
  });

  it('upgrades a story or version kept before the article schema changed (a wire byline\'s place to the dateline)', () => {
    const kept = { schemaVersion: 2, dateline: '', byline: { outlet: '한빛경제', desk: '부산', templateId: 'ko-wire', reporters: [] } };
    for (const method of ['getArticle', 'getVersion'] as const) {
      expect(upgradeKept(method, kept)).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, dateline: '부산', byline: { desk: '' } });
    }
    // Lists hold no schema version: kept as they were.
    expect(upgradeKept('listArticles', [kept])).toEqual([kept]);
  });

  it('remembers reads only', () => {
    expect(isRememberedRead('getArticle')).toBe(true);
    expect(isRememberedRead('saveArticle')).toBe(false);
    expect(isRememberedRead('transitionArticle')).toBe(false);
  });
});
