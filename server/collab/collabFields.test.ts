// The fields beside the body, live, on both databases: two people's headline edits and tags both
// reach the article row and a step's version; a field a client made unreadable stays as the row
// has it; an epoch stored before the fields were live gets them from the row, once. The store
// debounce is long here, so the copies checked are the ones made at a step and when a document
// unloads.
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeBody } from '../../shared/live/bodyFragment';
import { hasFields, readFields, readFieldsPartial } from '../../shared/live/articleFields';
import type { Article } from '../../shared/model/article';
import type { AuditEntry } from '../../shared/model/history';
import { describeLiveDesk } from '../testing/liveDesk';
import { eventually } from '../testing/collabClient';
import { until } from '../testing/until';
import { loadEpoch } from './seedEpoch';
import { insertUpdates, storedState } from './updateRows';

await describeLiveDesk('live article fields', { collab: { debounceMs: 600_000, maxDebounceMs: 600_000, embargoSettleMs: 300 } }, ({ server, tokens, ids, connect, call }) => {
  const rowCount = async (id: string) => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM collab_updates WHERE article_id = $1', [id]))[0].n;
  /** Whether the server holds the story's document in memory (unloaded: the row got its last copy). */
  const loaded = (id: string) => server.collab.hocuspocus.documents.has(id);


  it("puts two people's headline edits and tags, made at once, into the article row and the version of a step", async () => {
    const story = await call<Article>('kim', 'createArticle');
    await call('kim', 'saveArticle', { id: story.id, baseRevision: story.revision, content: { ...story, headline: '서울 첫눈', tags: ['날씨'] } });
    const [kim, park] = [connect('kim', story.id), connect('park', story.id)];
    await until(() => kim.provider.isSynced && park.provider.isSynced);
    // The document was made by the server from the row: both see its fields.
    expect(kim.fields()).toMatchObject({ headline: '서울 첫눈', tags: ['날씨'] });
    kim.typeField('headline', '[속보] ', 0);
    kim.setFields({ tags: ['날씨', '교통'] });
    park.typeField('headline', ' 내려');
    park.setFields({ tags: ['날씨', '기상청'] });
    await until(() => kim.provider.unsyncedChanges === 0 && park.provider.unsyncedChanges === 0 && kim.fields().headline === park.fields().headline && kim.fields().tags?.length === 3);
    // A step copies the stored document into the article and its version (no debounce has run).
    const sent = await call<Article>('kim', 'transitionArticle', { id: story.id, action: 'send' });
    expect(sent.headline).toBe('[속보] 서울 첫눈 내려');
    expect([...sent.tags].sort()).toEqual(['교통', '기상청', '날씨']);
    const history = await call<{ versions: { seq: number; kind: string }[] }>('kim', 'getHistory', { id: story.id });
    const version = await call<Article>('kim', 'getVersion', { id: story.id, seq: history.versions[0].seq });
    expect([version.headline, [...version.tags].sort()]).toEqual(['[속보] 서울 첫눈 내려', ['교통', '기상청', '날씨']]);
  });

  it('an export right after typing carries the words: the server copies the stored document into the article first', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced);
    kim.typeField('headline', '방금 친 제목');
    await until(() => kim.provider.unsyncedChanges === 0);
    const answer = await server.call('POST', '/api/exports', { ids: [story.id], formats: ['html'] }, tokens.kim);
    expect(answer.status).toBe(200);
    const [decision] = (answer.body.value as { results: { article: Article | null }[] }).results;
    expect(decision.article?.headline).toBe('방금 친 제목');
  });

  it('audits an embargo set, moved or lifted live with the person whose change it was, once it has settled', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const [kim, park] = [connect('kim', story.id), connect('park', story.id)];
    await until(() => kim.provider.isSynced && park.provider.isSynced);
    const embargoes = async () => (await call<{ audit: AuditEntry[] }>('kim', 'getHistory', { id: story.id })).audit.filter((e) => e.action === 'embargo');
    park.setFields({ embargo: '2026-12-08T00:00:00.000Z' });
    await eventually(async () => (await embargoes()).length === 1);
    // A time picker's steps, then lifted: one entry, where it ended up.
    for (const step of ['2027-12-08T00:00:00.000Z', '2027-01-08T00:00:00.000Z', '2027-01-09T09:00:00.000Z']) kim.setFields({ embargo: step });
    kim.setFields({ embargo: null });
    await eventually(async () => (await embargoes()).length === 2);
    // Not an embargo: a value that does not read is not audited (and the row keeps its own).
    park.doc.getMap('field.values').set('embargo', 'tomorrow');
    // Set and set back before it settled: nothing to audit.
    park.setFields({ embargo: '2026-12-24T00:00:00.000Z' });
    park.setFields({ embargo: null });
    await until(() => kim.provider.unsyncedChanges === 0 && park.provider.unsyncedChanges === 0);
    await new Promise((r) => setTimeout(r, 900));
    expect((await embargoes()).map((e) => [e.actorId, e.embargo ?? null])).toEqual(
      expect.arrayContaining([
        [ids.park, '2026-12-08T00:00:00.000Z'],
        [ids.kim, null],
      ]),
    );
    expect(await embargoes()).toHaveLength(2);
  });

  it('copies the fields into the row when the document unloads; a language a client wrote that is not one stays as the row has it', async () => {
    const story = await call<Article>('park', 'createArticle');
    const park = connect('park', story.id);
    await until(() => park.provider.isSynced);
    park.typeField('kicker', '단독');
    park.setFields({ byline: { ...story.byline, desk: '전국부' }, lengthTarget: { unit: 'chars', value: 1200 } });
    // A hostile client writes straight into the document, past the renderer's own checks.
    park.doc.getMap('field.values').set('language', 'fr');
    await until(() => park.provider.unsyncedChanges === 0);
    park.destroy();
    await until(() => !loaded(story.id));
    await eventually(async () => (await call<Article>('park', 'getArticle', { id: story.id })).kicker === '단독');
    const row = await call<Article>('park', 'getArticle', { id: story.id });
    expect(row.language).toBe(story.language);
    expect(row.byline.desk).toBe('전국부');
    expect(row.lengthTarget).toEqual({ unit: 'chars', value: 1200 });
    expect(row.revision).toBe(story.revision);
  });

  it('adds the fields from the row to an epoch stored before they were live, once, from the server', async () => {
    const story = await call<Article>('kim', 'createArticle');
    await call('kim', 'saveArticle', { id: story.id, baseRevision: story.revision, content: { ...story, headline: '옛 문서의 제목', tags: ['옛날'] } });
    // An epoch as the server stored it before: its first update holds the body alone.
    const old = new Y.Doc();
    writeBody(old, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문만 있던 문서' }] }] });
    await server.db.transaction(async (tx) => {
      await tx.query('INSERT INTO collab_epochs (article_id, epoch, seed_client) VALUES ($1, 1, $2)', [story.id, old.clientID]);
      await insertUpdates(tx, [{ articleId: story.id, epoch: 1, update: Y.encodeStateAsUpdate(old), personId: null }], new Date());
    });
    // Two loads at once (two server processes): the fields are added by one of them only.
    const loads = await Promise.all([loadEpoch(server.db, story.id, () => new Date()), loadEpoch(server.db, story.id, () => new Date())]);
    expect(loads.map((l) => [l.epoch, l.seedClient])).toEqual([[1, old.clientID], [1, old.clientID]]);
    expect(await rowCount(story.id)).toBe(2);
    await loadEpoch(server.db, story.id, () => new Date());
    expect(await rowCount(story.id)).toBe(2);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await storedState(server.db, story.id, 1))!);
    expect(hasFields(stored)).toBe(true);
    expect(readFieldsPartial(stored)).toMatchObject({ headline: '옛 문서의 제목', tags: ['옛날'] });
    const [person] = await server.db.query<{ person_id: string | null }>('SELECT person_id FROM collab_updates WHERE article_id = $1 ORDER BY seq DESC LIMIT 1', [story.id]);
    expect(person.person_id).toBeNull();
    // A client opening it gets the body and the fields once, and a replica of the old epoch still syncs.
    const kim = connect('kim', story.id, { state: Y.encodeStateAsUpdate(old) });
    await until(() => kim.provider.isSynced && hasFields(kim.doc));
    const row = await call<Article>('kim', 'getArticle', { id: story.id });
    expect(readFields(kim.doc, row)).toMatchObject({ headline: '옛 문서의 제목', tags: ['옛날'] });
    expect(JSON.stringify(kim.body())).toContain('본문만 있던 문서');
    expect(kim.closeReasons).toEqual([]);
  });

  it('a client that empties the fields’ values does not get them written twice, and the other fields still reach the row', async () => {
    const story = await call<Article>('kim', 'createArticle');
    await call('kim', 'saveArticle', { id: story.id, baseRevision: story.revision, content: { ...story, headline: '한 번만' } });
    const park = connect('park', story.id);
    await until(() => park.provider.isSynced);
    // Past the renderer's checks: every value gone, the headline still typed.
    const values = park.doc.getMap('field.values');
    park.doc.transact(() => [...values.keys()].forEach((key) => values.delete(key)));
    park.typeField('headline', ' 쓰인다');
    await until(() => park.provider.unsyncedChanges === 0);
    park.destroy();
    await until(() => !loaded(story.id));
    // Loaded again: nothing is written into it a second time (the headline would read twice).
    const again = connect('kim', story.id);
    await until(() => again.provider.isSynced);
    expect(again.fields().headline).toBe('한 번만 쓰인다');
    expect(again.doc.getXmlFragment('field.headline').length).toBe(1);
    await eventually(async () => (await call<Article>('kim', 'getArticle', { id: story.id })).headline === '한 번만 쓰인다');
    expect((await call<Article>('kim', 'getArticle', { id: story.id })).language).toBe(story.language);
  });

  it('keeps a new draft whose only change is live, not yet in the row, when its writer leaves it', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced);
    kim.typeField('headline', '방금 쓴 제목');
    await until(() => kim.provider.unsyncedChanges === 0);
    // The long debounce: the row still holds the untouched draft.
    expect((await call<Article>('kim', 'getArticle', { id: story.id })).headline).toBe(story.headline);
    expect(await call('kim', 'discardUntouched', { id: story.id })).toEqual({ discarded: false });
    const untouched = await call<Article>('kim', 'createArticle');
    const again = connect('kim', untouched.id);
    await until(() => again.provider.isSynced);
    expect(await call('kim', 'discardUntouched', { id: untouched.id })).toEqual({ discarded: true });
  });

  it('refuses a save of a story whose live document is open; one never opened live saves', async () => {
    const [live, quiet] = [await call<Article>('kim', 'createArticle'), await call<Article>('kim', 'createArticle')];
    const kim = connect('kim', live.id);
    await until(() => kim.provider.isSynced);
    const save = (a: Article) => server.call('POST', '/api/call/saveArticle', { id: a.id, baseRevision: a.revision, content: { ...a, headline: '저장' } }, tokens.kim);
    const refused = await save(live);
    expect([refused.status, refused.body.error?.code, refused.body.error?.params.reason]).toEqual([403, 'forbidden', 'liveStory']);
    expect((await call<Article>('kim', 'getArticle', { id: live.id })).headline).toBe(live.headline);
    expect((await save(quiet)).status).toBe(200);
  });
});
