// The exchange service over a real library: folders that never clobber another article's export,
// cancel between articles, an import that fails taking back its photos, the package's own JSON
// free of desk-only text, and the embargo gate.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSampleLibrary, SECRET_DESK_NOTE, SECRET_NOTE, type SampleLibrary } from './testing/sampleArticles';
import { readZip } from './package/readZip';
import { JobRegistry } from './JobRegistry';
import { tempDir } from '../testing/tempLibrary';

let lib: SampleLibrary;
let out: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  lib = await openSampleLibrary();
  out = await tempDir();
});
afterEach(async () => {
  await lib.cleanup();
  await out.cleanup();
});

const job = (signal = new AbortController().signal) => ({ signal, step: () => undefined });
const exportIds = (ids: string[], formats: ('text' | 'package' | 'html')[], signal?: AbortSignal) =>
  lib.core.exchange.exportArticles({ actorId: lib.actor, ids, formats, override: false, note: '' }, job(signal), out.dir);

describe('export folders', () => {
  it('a re-export replaces its own folder; a same-named story and a folder we did not make are left alone', async () => {
    const first = await exportIds([lib.ko.id], ['text']);
    const folder = first.results[0].folder;
    expect(first.results[0].error).toBeNull();
    await writeFile(join(out.dir, folder, 'article.txt'), 'stale');
    await exportIds([lib.ko.id], ['text']);
    expect(await readFile(join(out.dir, folder, 'article.txt'), 'utf8')).toContain(lib.ko.headline);
    expect((await readdir(out.dir)).filter((n) => n.includes('.partial'))).toEqual([]);

    // Another article with the same headline gets its own folder.
    const dup = await lib.core.handlers.duplicateArticle({ id: lib.ko.id, actor: lib.actor });
    const other = await exportIds([dup.id], ['text']);
    expect(other.results[0].folder).toBe(`${folder} (2)`);
    expect(await readFile(join(out.dir, folder, 'article.txt'), 'utf8')).toContain(lib.ko.headline);

    // A folder with the English story's name that holds someone else's export is not replaced.
    const enFolder = (await exportIds([lib.en.id], ['text'])).results[0].folder;
    await writeFile(join(out.dir, enFolder, '.copydesk-export.json'), '{"id":"someone-else"}');
    const again = await exportIds([lib.en.id], ['text']);
    expect(again.results[0].folder).toBe(`${enFolder} (2)`);
  });

  it('stops between articles when cancelled, with the finished ones written', async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await lib.core.exchange.exportArticles(
      { actorId: lib.actor, ids: [lib.ko.id, lib.en.id], formats: ['text'], override: false, note: '' },
      { signal: controller.signal, step: () => (++calls === 2 ? controller.abort() : undefined) },
      out.dir,
      1,
    );
    expect(result.cancelled).toBe(true);
    expect(result.results).toHaveLength(1);
    expect(await readdir(out.dir)).toHaveLength(1);
  });

  it('an article still being made when the batch is cancelled leaves nothing half-written', async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await lib.core.exchange.exportArticles(
      { actorId: lib.actor, ids: [lib.ko.id, lib.en.id], formats: ['text', 'html'], override: false, note: '' },
      { signal: controller.signal, step: () => (++calls === 2 ? controller.abort() : undefined) },
      out.dir,
      2,
    );
    expect(result.cancelled).toBe(true);
    // Both started together; the cancel caught the first mid-way, so it reports `cancelled` and wrote nothing.
    expect(result.results.map((r) => r.error?.code)).toEqual(['cancelled']);
    expect(await readdir(out.dir)).toEqual([]);
  });

  it('refuses embargoed copy unless overridden with a reason, which the audit log keeps', async () => {
    const content = { ...lib.ko, embargo: '2099-01-01T00:00:00.000Z' };
    const { language, kicker, headline, deck, byline, dateline, tags, body, lengthTarget, deskNote, embargo } = content;
    await lib.core.handlers.saveArticle({ id: lib.ko.id, actor: lib.actor, baseRevision: lib.ko.revision, content: { language, kicker, headline, deck, byline, dateline, tags, body, lengthTarget, deskNote, embargo, keptFindings: [] } });
    const refused = await exportIds([lib.ko.id], ['text']);
    expect(refused.results[0].error?.code).toBe('embargoed');
    expect(await readdir(out.dir)).toHaveLength(0);
    const allowed = await lib.core.exchange.exportArticles({ actorId: lib.actor, ids: [lib.ko.id], formats: ['text'], override: true, note: '편집국장 허락' }, job(), out.dir);
    expect(allowed.results[0].error).toBeNull();
    const { audit } = await lib.core.handlers.getHistory({ actor: lib.actor, id: lib.ko.id });
    expect(audit.at(-1)).toMatchObject({ action: 'export', overridden: ['embargo'], formats: ['text'], note: '편집국장 허락' });
    expect(audit.at(-1)?.note).toContain('편집국장 허락');
  });
});

describe('the package', () => {
  it('carries the article for re-import without editor\'s notes, TKs, the desk note or the return note', async () => {
    const { results } = await exportIds([lib.ko.id], ['package']);
    const zip = await readFile(join(out.dir, results[0].folder, 'article-package.zip'));
    const files = await readZip(new Uint8Array(zip), 'article-package.zip');
    const json = new TextDecoder().decode(files.get('article.json'));
    expect(json).toContain(lib.ko.headline);
    for (const secret of [SECRET_NOTE, SECRET_DESK_NOTE, 'TK억원']) expect(json).not.toContain(secret);
    for (const [path, bytes] of files) if (/\.(txt|md|xml|json|html)$/.test(path)) expect(new TextDecoder().decode(bytes), path).not.toContain(SECRET_NOTE);
  });
});

describe('import', () => {
  it('a file that fails after its photos went in takes them out again', async () => {
    const exported = await exportIds([lib.en.id], ['package']);
    const zip = new Uint8Array(await readFile(join(out.dir, exported.results[0].folder, 'article-package.zip')));
    // A library without those photos, and an import by someone it does not know: refused at creation.
    const fresh = await openSampleLibrary();
    try {
      await fresh.core.handlers.trashArticle({ id: fresh.ko.id, actor: fresh.actor });
      await fresh.core.handlers.trashArticle({ id: fresh.en.id, actor: fresh.actor });
      await fresh.core.handlers.emptyTrash({ actor: fresh.actor });
      const before = await fresh.core.handlers.getPhotos({ actor: fresh.actor, ids: [...fresh.photoBytes.keys()] });
      const { results } = await fresh.core.exchange.importFiles('nobody-00000000', [{ name: 'story.zip', bytes: zip }], job());
      expect(results[0].error?.code).toBe('forbidden');
      const after = await fresh.core.handlers.getPhotos({ actor: fresh.actor, ids: [...fresh.photoBytes.keys()] });
      expect(after.map((p) => p.id).sort()).toEqual(before.map((p) => p.id).sort());
      expect(await fresh.core.handlers.listArticles({ actor: fresh.actor, scope: 'active' })).toHaveLength(0);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('jobs', () => {
  it('refuses a second job under the id of one still running', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const first = jobs.run('job-00001', 1, () => new Promise<void>((ok) => (release = ok)));
    await expect(jobs.run('job-00001', 1, async () => undefined)).rejects.toMatchObject({ code: 'invalidInput' });
    expect(jobs.cancel('job-00001')).toBe(true);
    release();
    await first;
  });
});
