import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../../../shared/model/article';
import { findLastChange } from './lastChange';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const figure = (attrs: Record<string, string>, caption: string) => ({ type: 'figure', attrs: { photoId: 'p1', ...attrs }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: caption }] }] });
const story = (body: object[], patch: Partial<ArticleContent> = {}): ArticleContent => ({ ...emptyContent('ko'), headline: '제목', body: { type: 'doc', content: body }, ...patch }) as ArticleContent;

/** Versions newest first, as the core lists them; counts the loads. */
function history(list: [number, ArticleContent][]) {
  const loaded: number[] = [];
  const bySeq = new Map(list);
  return { seqs: list.map(([s]) => s), loaded, load: async (seq: number) => (loaded.push(seq), bySeq.get(seq)!) };
}

describe('findLastChange', () => {
  it('skips the newest versions that only repeat the one before (steps) and names the pair that changed', async () => {
    const a = story([para('첫 문단')]);
    const b = story([para('첫 문단을 고쳤다')]);
    const h = history([[8, b], [7, b], [6, b], [5, a], [4, a]]);
    expect(await findLastChange(h.seqs, h.load)).toEqual({ kind: 'change', from: 5, to: 6, sameUpTo: 8 });
    expect(h.loaded).toEqual([8, 7, 6, 5]); // stops at the change: version 4 is never read
  });

  it('opens on the newest pair when it differs', async () => {
    const h = history([[3, story([], { headline: '새 제목' })], [2, story([])], [1, story([])]]);
    expect(await findLastChange(h.seqs, h.load)).toEqual({ kind: 'change', from: 2, to: 3, sameUpTo: null });
  });

  it('counts a changed credit, alt text, caption, tag, deck or byline as a change', async () => {
    const base = story([figure({ credit: '한빛경제', alt: '공장' }, '설명')]);
    const changes: ArticleContent[] = [
      story([figure({ credit: '연합', alt: '공장' }, '설명')]),
      story([figure({ credit: '한빛경제', alt: '공장 내부' }, '설명')]),
      story([figure({ credit: '한빛경제', alt: '공장' }, '새 설명')]),
      { ...base, tags: ['경제'] },
      { ...base, deck: ['부제'] },
      { ...base, kicker: '단독' },
      { ...base, byline: { ...base.byline, reporters: [{ name: '김하늘', role: '기자', email: '' }] } },
    ];
    for (const changed of changes) {
      const h = history([[3, changed], [2, base], [1, base]]);
      expect(await findLastChange(h.seqs, h.load)).toMatchObject({ kind: 'change', from: 2, to: 3 });
    }
  });

  it('says when no two versions ever differed, and handles one version or none', async () => {
    const same = story([para('같다')]);
    const h = history([[3, same], [2, same], [1, same]]);
    expect(await findLastChange(h.seqs, h.load)).toEqual({ kind: 'none', oldest: 1, newest: 3 });
    const one = history([[1, same]]);
    expect(await findLastChange(one.seqs, one.load)).toEqual({ kind: 'none', oldest: 1, newest: 1 });
    expect(await findLastChange([], one.load)).toBeNull();
  });
});
