// Schema migrations on real files: a library as the first Copydesk (article schema 1, settings
// without photos or workflow, no people) left it on disk. Opening and reading upgrade in memory
// only; the first save that upgrades a file first keeps the original bytes under `migrated/`, so
// what the older Copydesk wrote is never lost. Files from a newer Copydesk are refused, untouched.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { openTestCore, tempDir, content } from '../testing/tempLibrary';
import { addAdmin } from '../testing/people';
import { migrateSettings } from '../migrations/migrateSettings';
import { migratePeople } from '../migrations/migratePeople';
import { NewerVersionError, type Migration } from '../storage/migrate';
import { ARTICLE_SCHEMA_VERSION } from '../../shared/model/article';

let dir: string;
let cleanup: () => Promise<void>;
let core: Core | null = null;

beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  await core?.close().catch(() => undefined);
  core = null;
  await cleanup();
});

const V1_ID = '3f2b8c1e-5d4a-4b6f-9e21-7c0d9a8b1e42';
const V1_SENT_ID = '8a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

/** An article exactly as the first Copydesk's Library.save wrote it: JSON.stringify of schema 1, key order and all. */
function v1Article(id: string, headline: string, status = 'draft'): string {
  return JSON.stringify({
    language: 'ko',
    kicker: '테크인사이드',
    headline,
    deck: ['2030년 전기차 폐배터리 연 10만개 쏟아져'],
    byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: 'sky@hanbit-econ.example' }] },
    tags: ['배터리', 'ESG'],
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '폐배터리 재활용 시장이 커지고 있다. Recycling is the new mining.' }] }] },
    lengthTarget: { unit: 'sheets', value: 12 },
    schemaVersion: 1,
    id,
    revision: 3,
    createdAt: '2025-03-02T01:00:00.000Z',
    updatedAt: '2025-03-02T02:30:00.000Z',
    status,
    trashedAt: null,
  });
}

/** settings.json from the first Copydesk: no photos, workflow, outlet, export folder or backups. */
const V1_SETTINGS = JSON.stringify({
  schemaVersion: 1,
  uiLanguage: 'ko',
  defaultArticleLanguage: 'ko',
  bylineTemplates: [{ id: 'house', name: '우리 신문', language: 'ko', pattern: '[{outlet} {reporters}]', separator: 'ㆍ', lastSeparator: '', roleStyle: 'suffix' }],
  defaultTemplateIds: { ko: 'house', en: 'house' },
});

/** Writes the first Copydesk's library: two articles, its index (with the files' real sizes and times) and settings. */
async function v1Library(): Promise<void> {
  await mkdir(join(dir, 'articles'), { recursive: true });
  await mkdir(join(dir, 'index'), { recursive: true });
  await writeFile(join(dir, 'copydesk-library.json'), JSON.stringify({ format: 'copydesk-library', schemaVersion: 1 }));
  await writeFile(join(dir, 'settings.json'), V1_SETTINGS);
  const entries = [];
  for (const [id, headline, status] of [[V1_ID, '폐배터리에서 리튬 캐는 ‘도시광산’', 'draft'], [V1_SENT_ID, 'Urban mining heats up', 'draft']]) {
    const file = join(dir, 'articles', `${id}.json`);
    await writeFile(file, v1Article(id, headline, status));
    const { size, mtimeMs } = await stat(file);
    const a = JSON.parse(await readFile(file, 'utf8'));
    const summary = { id, language: a.language, kicker: a.kicker, headline, byline: a.byline, status, revision: 3, createdAt: a.createdAt, updatedAt: a.updatedAt, trashedAt: null };
    entries.push({ summary, size, mtimeMs });
  }
  await writeFile(join(dir, 'index', 'summaries.json'), JSON.stringify({ format: 'copydesk-index', version: 1, entries }));
  await writeFile(join(dir, 'index', 'journal.jsonl'), '');
}

const articleFile = (id: string) => join(dir, 'articles', `${id}.json`);

describe('an article written by the first Copydesk (schema 1)', () => {
  it('opens and reads upgraded while the file on disk stays byte for byte what was written', async () => {
    await v1Library();
    const original = await readFile(articleFile(V1_ID));
    core = await openTestCore(dir);
    const actor = await addAdmin(core);
    const article = await core.handlers.getArticle({ actor, id: V1_ID });
    expect(article).toMatchObject({
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      headline: '폐배터리에서 리튬 캐는 ‘도시광산’',
      revision: 3,
      deck: ['2030년 전기차 폐배터리 연 10만개 쏟아져'],
      lengthTarget: { unit: 'sheets', value: 12 },
      deskNote: '',
      embargo: null,
      ownerId: null,
      corrections: [],
      lastTransition: null,
      dateline: '',
    });
    expect((await core.handlers.listArticles({ actor, scope: 'active' })).map((s) => s.id).sort()).toEqual([V1_ID, V1_SENT_ID].sort());
    await core.close();
    core = null;
    expect(await readFile(articleFile(V1_ID))).toEqual(original);
    // Only settings.json, written back at every start, was upgraded (settings 2: the wire template) and its original kept.
    expect(await readdir(join(dir, 'migrated'))).toEqual(['settings.v1.json']);
  });

  it('is saved in the current schema, with the original kept as the last good copy and, for good, under migrated/', async () => {
    await v1Library();
    const original = await readFile(articleFile(V1_ID));
    core = await openTestCore(dir);
    const actor = await addAdmin(core);
    await core.handlers.saveArticle({ id: V1_ID, actor, baseRevision: 3, content: content('도시광산 새 제목', '새 본문') });
    const saved = JSON.parse(await readFile(articleFile(V1_ID), 'utf8'));
    expect(saved).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, revision: 4, headline: '도시광산 새 제목', corrections: [] });
    expect(await readFile(articleFile(V1_ID) + '.bak')).toEqual(original);
    expect(await readFile(join(dir, 'migrated', `${V1_ID}.v1.json`))).toEqual(original);

    // Later saves move the last good copy on; the original stays.
    await core.handlers.saveArticle({ id: V1_ID, actor, baseRevision: 4, content: content('또 고친 제목', '새 본문') });
    expect(JSON.parse(await readFile(articleFile(V1_ID) + '.bak', 'utf8')).schemaVersion).toBe(ARTICLE_SCHEMA_VERSION);
    expect(await readFile(join(dir, 'migrated', `${V1_ID}.v1.json`))).toEqual(original);
    expect((await readdir(join(dir, 'migrated'))).sort()).toEqual([`${V1_ID}.v1.json`, 'settings.v1.json']);
  });

  it('keeps the original when a workflow step, not an edit, is what upgrades the file', async () => {
    await v1Library();
    const original = await readFile(articleFile(V1_SENT_ID));
    core = await openTestCore(dir);
    const actor = await addAdmin(core);
    await core.handlers.transitionArticle({ id: V1_SENT_ID, actor, action: 'send', note: '', override: false });
    expect(JSON.parse(await readFile(articleFile(V1_SENT_ID), 'utf8'))).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, status: 'sent', revision: 3 });
    expect(await readFile(join(dir, 'migrated', `${V1_SENT_ID}.v1.json`))).toEqual(original);
    // The other article was never saved, so it is still exactly as the first Copydesk wrote it.
    expect(JSON.parse(await readFile(articleFile(V1_ID), 'utf8')).schemaVersion).toBe(1);
  });

  it('recovered from a schema-1 last good copy, comes back as those exact bytes', async () => {
    await v1Library();
    const original = await readFile(articleFile(V1_ID));
    await writeFile(articleFile(V1_ID) + '.bak', original);
    await writeFile(articleFile(V1_ID), original.subarray(0, 100)); // torn
    core = await openTestCore(dir);
    const actor = await addAdmin(core);
    expect((await core.handlers.getArticle({ actor, id: V1_ID })).headline).toBe('폐배터리에서 리튬 캐는 ‘도시광산’');
    expect(await readFile(articleFile(V1_ID))).toEqual(original);
    await core.handlers.saveArticle({ id: V1_ID, actor, baseRevision: 3, content: content('복구 후 저장') });
    expect(await readFile(join(dir, 'migrated', `${V1_ID}.v1.json`))).toEqual(original);
  });

  it('emptying the trash deletes its kept original too', async () => {
    await v1Library();
    core = await openTestCore(dir);
    const actor = await addAdmin(core);
    await core.handlers.trashArticle({ id: V1_ID, actor });
    expect((await readdir(join(dir, 'migrated'))).sort()).toEqual([`${V1_ID}.v1.json`, 'settings.v1.json']);
    await core.handlers.emptyTrash({ actor: actor });
    expect(await readdir(join(dir, 'migrated'))).toEqual(['settings.v1.json']);
  });
});

describe('settings.json and people.json', () => {
  it('settings from the first Copydesk keep the house templates and gain the new sections', async () => {
    await v1Library();
    core = await openTestCore(dir);
    const settings = await core.handlers.getSettings({});
    expect(settings).toMatchObject({ uiLanguage: 'ko', defaultTemplateIds: { ko: 'house', en: 'house' }, outlet: '', photos: { maxFileMB: 50 } });
    expect(settings.bylineTemplates.map((t) => t.id)).toEqual(['house']);
    expect(settings.workflow.permissions.approve).toEqual(['editor', 'admin']);
    expect((await core.handlers.getLibraryInfo({})).notices).toEqual([]);
  });

  it('settings from a newer Copydesk: the library is not opened, and the file is neither reset nor moved', async () => {
    await v1Library();
    const newer = JSON.stringify({ ...JSON.parse(V1_SETTINGS), schemaVersion: 3, somethingNew: true });
    await writeFile(join(dir, 'settings.json'), newer);
    await expect(openTestCore(dir)).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'newerVersion' } });
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(newer);
    expect(await readdir(dir)).not.toContain('quarantine');
    // Refusing released the library: it is not left locked.
    expect(await readdir(dir)).not.toContain('.lock');
  });

  it('people from a newer Copydesk: the library is not opened (no one gets in as a first admin), the file untouched', async () => {
    await v1Library();
    const newer = JSON.stringify({ format: 'copydesk-people', version: 2, people: [], roles: {} });
    await writeFile(join(dir, 'people.json'), newer);
    await expect(openTestCore(dir)).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'newerVersion' } });
    expect(await readFile(join(dir, 'people.json'), 'utf8')).toBe(newer);
    expect(await readdir(dir)).not.toContain('quarantine');
  });

  it('the numbered runners upgrade step by step, in the field each file uses for its version', () => {
    const steps: Migration[] = [{ from: 1, up: (raw) => ({ ...raw, outlet: raw.paper ?? '' }) }];
    expect(migrateSettings({ schemaVersion: 1, paper: '한빛경제' }, steps, 2)).toEqual({ schemaVersion: 2, paper: '한빛경제', outlet: '한빛경제' });
    expect(() => migrateSettings({ schemaVersion: 3 }, steps, 2)).toThrow(NewerVersionError);
    expect(() => migrateSettings({ schemaVersion: 3 })).toThrow(NewerVersionError);
    const peopleSteps: Migration[] = [{ from: 1, up: (raw) => ({ ...raw, teams: [] }) }];
    expect(migratePeople({ format: 'copydesk-people', version: 1, people: [] }, peopleSteps, 2)).toEqual({ format: 'copydesk-people', version: 2, people: [], teams: [] });
    expect(() => migratePeople({ version: 5 })).toThrow(NewerVersionError);
  });
});
