// A history started by a restore is one file (HistoryStore.startWith): the first version carries
// its audit entries. The reader takes it and the three-file layout, alone or mixed in one folder.
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { HistoryStore } from './HistoryStore';
import { ARTICLE_SCHEMA_VERSION, emptyContent, type Article } from '../shared/model/article';
import type { AuditEntry } from '../shared/model/history';

const gzip = promisify(gzipCb);
const actor = { id: 'p1', name: '김하늘' };
const at = new Date('2026-12-06T09:00:00.000Z');
let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const entry = (action: AuditEntry['action'], note: string): AuditEntry => ({ at: at.toISOString(), actorId: actor.id, actorName: actor.name, action, from: 'draft', to: 'draft', note, overridden: [] });

async function store(): Promise<{ history: HistoryStore; article: Article }> {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-history-'));
  const stamp = at.toISOString();
  const article: Article = { ...emptyContent('ko'), headline: '복원된 기사', schemaVersion: ARTICLE_SCHEMA_VERSION, id: '0'.repeat(26), revision: 3, createdAt: stamp, updatedAt: stamp, status: 'draft', trashedAt: null, ownerId: actor.id, corrections: [], lastTransition: null };
  return { history: new HistoryStore(dir), article };
}

it('starts a history with one file holding the version and its audit entry', async () => {
  const { history, article } = await store();
  const meta = await history.startWith(article, 'restore', actor, at, [entry('restoreBackup', 'snapshot 1')]);
  expect(meta).toMatchObject({ seq: 1, kind: 'restore', revision: 3 });
  expect(await readdir(join(dir, article.id))).toEqual(['v000001.json.gz']);
  const read = await history.read(article.id);
  expect(read.versions).toEqual([meta]);
  expect(read.audit).toEqual([entry('restoreBackup', 'snapshot 1')]);
  expect((await history.version(article.id, 1)).headline).toBe('복원된 기사');
});

it('goes on in the usual layout: later versions and entries follow the first file’s', async () => {
  const { history, article } = await store();
  await history.startWith(article, 'restore', actor, at, [entry('restoreBackup', 'restored')]);
  // A fresh store, as after reopening the library: nothing known in memory.
  const later = new HistoryStore(dir);
  const saved = await later.record({ ...article, revision: 4, headline: '고친 기사' }, 'save', actor, new Date(at.getTime() + 1000));
  expect(saved.seq).toBe(2);
  await later.audit(article.id, entry('send', 'sent'));
  const read = await later.read(article.id);
  expect(read.versions.map((v) => [v.seq, v.kind])).toEqual([
    [2, 'save'],
    [1, 'restore'],
  ]);
  expect(read.audit.map((e) => e.note)).toEqual(['restored', 'sent']);
  expect((await later.version(article.id, 1)).headline).toBe('복원된 기사');
  expect((await later.version(article.id, 2)).headline).toBe('고친 기사');
});

it('writes nothing and says so when the article has a history already', async () => {
  const { history, article } = await store();
  await history.record(article, 'create', actor, at);
  const before = (await readdir(join(dir, article.id))).sort();
  expect(await new HistoryStore(dir).startWith({ ...article, revision: 4 }, 'restore', actor, at, [entry('restoreBackup', 'x')])).toBeNull();
  expect(await history.startWith({ ...article, revision: 4 }, 'restore', actor, at, [entry('restoreBackup', 'x')])).toBeNull();
  expect((await readdir(join(dir, article.id))).sort()).toEqual(before);
  expect((await history.read(article.id)).audit).toEqual([]);
});

it('skips an embedded audit entry that does not read, keeping the version and the other entries', async () => {
  const { history, article } = await store();
  await history.startWith(article, 'restore', actor, at, []);
  const meta = (await history.read(article.id)).versions[0];
  await writeFile(join(dir, article.id, 'v000001.json.gz'), await gzip(JSON.stringify({ meta, article, audit: [{ action: 'nonsense' }, entry('restoreBackup', 'kept')] })));
  const read = await new HistoryStore(dir).read(article.id);
  expect(read.versions).toEqual([meta]);
  expect(read.audit.map((e) => e.note)).toEqual(['kept']);
});
