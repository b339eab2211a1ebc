// The library list's 매수 and photo count come from the core's index: counted on every write with
// the counting the editor uses, kept in the snapshot, and filled in for entries written before.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { content, openTestCore } from './testing/tempLibrary';
import { bodySheets } from '../shared/counting/sheets';
import { decodeSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SNAPSHOT_VERSION_WITHOUT_SHEETS, SNAPSHOT_VERSION_WITHOUT_WAITING } from './indexSnapshot';
import { asBytes, float64s, readSectionFile, writeSectionFile } from './sectionFile';
import type { ArticleContent } from '../shared/model/article';
import { useTestCore } from './testing/useTestCore';

const lib = useTestCore();


const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const figure = (photoId: string) => ({ type: 'figure', attrs: { photoId, credit: '', alt: '' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '사진 설명은 매수에 들지 않는다' }] }] });
const long = '도시광산 업체들이 폐가전에서 금과 은을 캐 올해 매출을 두 배로 늘렸다. '.repeat(12);

it('lists each article with its 매수 and photo count, and keeps them across a reopen', async () => {
  const h = lib.core.handlers;
  const a = await h.createArticle({ actor: lib.actor, language: 'ko' });
  const body = { type: 'doc' as const, content: [para(long), figure('a'.repeat(64)), para(long), figure('b'.repeat(64))] };
  const withPhotos: ArticleContent = { ...content('도시광산'), body };
  await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: withPhotos });
  const b = await h.createArticle({ actor: lib.actor, language: 'ko' });
  await h.saveArticle({ id: b.id, actor: lib.actor, baseRevision: 0, content: content('짧은 기사', '한 줄') });
  const expected = bodySheets((await h.getArticle({ actor: lib.actor, id: a.id })).body);
  expect(expected).toBeGreaterThan(3); // two long paragraphs: several sheets, captions not counted

  const byId = async () => new Map((await lib.core.handlers.listArticles({ actor: lib.actor, scope: 'active' })).map((s) => [s.id, s]));
  let list = await byId();
  expect(list.get(a.id)).toMatchObject({ sheets: expected, photoCount: 2 });
  expect(list.get(b.id)).toMatchObject({ sheets: 0.1, photoCount: 0, waitingPhotos: 0 });

  await lib.core.close();
  lib.core = await openTestCore(lib.dir);
  list = await byId();
  expect(list.get(a.id)).toMatchObject({ sheets: expected, photoCount: 2 });
});

it('counts the articles of an index snapshot written before the counts were kept (version 3), from their files', async () => {
  const h = lib.core.handlers;
  const a = await h.createArticle({ actor: lib.actor, language: 'ko' });
  await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('예전 기사', long) });
  await lib.core.close(); // folds the journal into a snapshot
  // The same snapshot as version 3 wrote it: three numbers a row (revision, size, mtime), no 매수.
  const path = join(lib.dir, 'index', 'summaries.bin');
  const file = (await readSectionFile(path, SNAPSHOT_FORMAT, SNAPSHOT_VERSION))!;
  const numbers = float64s(file.sections.get('numbers'))!;
  const three = Float64Array.from(numbers.filter((_, i) => i % 5 < 3));
  const sections = [...file.sections].map(([name, bytes]): [string, Uint8Array] => [name, name === 'numbers' ? asBytes(three) : bytes]);
  await writeSectionFile(path, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_SHEETS, sections);
  expect(decodeSnapshot((await readSectionFile(path, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_SHEETS))!)![0].summary).toMatchObject({ id: a.id, sheets: null, headline: '예전 기사' });

  lib.core = await openTestCore(lib.dir);
  const [summary] = await lib.core.handlers.listArticles({ actor: lib.actor, scope: 'active' });
  expect(summary.sheets).toBe(bodySheets((await lib.core.handlers.getArticle({ actor: lib.actor, id: a.id })).body));
  expect(summary.sheets).toBeGreaterThan(0);
  expect(summary.revision).toBe(1);
  // Read as a snapshot, not thrown away and rebuilt (which says so to the person).
  expect((await lib.core.handlers.getLibraryInfo({})).notices).toEqual([]);
});

it('counts figures still waiting for their photo apart from the photos, on save and across a reopen', async () => {
  const h = lib.core.handlers;
  const a = await h.createArticle({ actor: lib.actor, language: 'ko' });
  // One photo placed, two figures from web copy still waiting for theirs (photoId '').
  const body = { type: 'doc' as const, content: [para(long), figure('a'.repeat(64)), figure(''), para('둘째 문단'), figure('')] };
  await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: { ...content('사진 기다리는 기사'), body } });
  const summary = async () => (await lib.core.handlers.listArticles({ actor: lib.actor, scope: 'active' })).find((s) => s.id === a.id)!;
  expect(await summary()).toMatchObject({ photoCount: 1, waitingPhotos: 2 });
  await lib.core.close(); // the snapshot keeps it
  lib.core = await openTestCore(lib.dir);
  expect(await summary()).toMatchObject({ photoCount: 1, waitingPhotos: 2 });

  // A snapshot written by version 4 (no waiting count) is re-read from the files, not trusted as 0.
  await lib.core.close();
  const path = join(lib.dir, 'index', 'summaries.bin');
  const file = (await readSectionFile(path, SNAPSHOT_FORMAT, SNAPSHOT_VERSION))!;
  const four = Float64Array.from(float64s(file.sections.get('numbers'))!.filter((_, i) => i % 5 < 4));
  await writeSectionFile(path, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_WAITING, [...file.sections].map(([name, bytes]): [string, Uint8Array] => [name, name === 'numbers' ? asBytes(four) : bytes]));
  expect(decodeSnapshot((await readSectionFile(path, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_WAITING))!)![0].summary).toMatchObject({ id: a.id, sheets: null, waitingPhotos: 0 });
  lib.core = await openTestCore(lib.dir);
  expect(await summary()).toMatchObject({ photoCount: 1, waitingPhotos: 2 });
  expect((await lib.core.handlers.getLibraryInfo({})).notices).toEqual([]);
});
