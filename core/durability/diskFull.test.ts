// A full disk and a read-only library folder, at each step a save writes: the save fails with
// `diskFull` or `readOnly` (which the editor turns into a sentence and keeps the text), nothing
// already on disk changes by a byte, and once space or permission returns the next save goes
// through with the whole text. Tests here usually run as root, where chmod does not stop writes,
// so the failures are injected into node:fs/promises (./faultyFs.ts) the way the kernel gives them.
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import type { Core } from '../createCore';
import { content, openTestCore, tempDir } from '../testing/tempLibrary';
import { addAdmin } from '../testing/people';
import { clearFaults, failWrites, faults, type FaultCode } from './faultyFs';

vi.mock('node:fs/promises', async (importOriginal) => {
  const { faultyFs } = await import('./faultyFs');
  return faultyFs(await importOriginal<typeof import('node:fs/promises')>());
});

let dir: string;
let cleanup: () => Promise<void>;
let core: Core;
let actor: string;
let id: string;

const LONG_BODY = '전력 수요가 한여름 최고치를 다시 넘어섰다. Demand passed the summer peak again. '.repeat(40);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  core = await openTestCore(dir);
  actor = await addAdmin(core);
  id = (await core.handlers.createArticle({ actor })).id;
  await core.handlers.saveArticle({ id, actor, baseRevision: 0, content: content('첫 판', LONG_BODY) });
  await core.handlers.saveArticle({ id, actor, baseRevision: 1, content: content('둘째 판', LONG_BODY) });
  // The search index (in its own thread) writes itself once after its first load: done before the snapshots.
  await core.library.whenIndexed();
});
afterEach(async () => {
  clearFaults();
  await core.close().catch(() => undefined);
  await cleanup();
});

const expectedCode = (code: FaultCode) => (code === 'ENOSPC' ? 'diskFull' : 'readOnly');

/** Every file under the library with its bytes, except the lock. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await fs.readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    if (name === '.lock' || !(await fs.stat(path)).isFile()) continue;
    out.set(name, (await fs.readFile(path)).toString('base64'));
  }
  return out;
}

/** What changed between two snapshots (added, removed or different files). */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/** Each place a save writes, as the path that fails when the disk gives out at that step. */
const STEPS: Record<string, (path: string) => boolean> = {
  'the whole library': (p) => p.startsWith(dir),
  'the history version': (p) => p.includes(`${join(dir, 'history')}/`),
  'the article file': (p) => p.includes(`${join(dir, 'articles')}/`),
};

for (const code of ['ENOSPC', 'EROFS', 'EACCES'] as const) {
  describe(`${code}`, () => {
    for (const [step, match] of Object.entries(STEPS)) {
      it(`article save failing at ${step}: ${expectedCode(code)}, nothing on disk touched, the next save has the whole text`, async () => {
        const before = await snapshot();
        const versionsBefore = (await core.handlers.getHistory({ actor, id })).versions;
        failWrites(code, match);
        const failed = await dispatch(core.handlers, 'saveArticle', { id, actor, baseRevision: 2, content: content('셋째 판', LONG_BODY + ' 추가 문단.') });
        expect(failed).toMatchObject({ ok: false, error: { code: expectedCode(code) } });
        expect(faults.hits).toBeGreaterThan(0);

        // The article, its last good copy and the list are as they were; no temp file is left.
        const after = await snapshot();
        expect(after.get(`articles/${id}.json`)).toBe(before.get(`articles/${id}.json`));
        expect(after.get(`articles/${id}.json.bak`)).toBe(before.get(`articles/${id}.json.bak`));
        // Only the history may differ: a version written before the article step failed, which the retry replaces.
        expect(changed(before, after).filter((n) => !n.startsWith('history/'))).toEqual([]);
        // The search index saves on its own timer; the snapshot can catch that write in flight under load.
        expect([...after.keys()].filter((n) => n.endsWith('.tmp') && !n.startsWith('index/'))).toEqual([]);
        expect((await core.handlers.listArticles({ actor, scope: 'active' }))[0]).toMatchObject({ id, revision: 2, headline: '둘째 판' });
        expect((await core.handlers.getArticle({ actor, id })).headline).toBe('둘째 판');
        for (const v of versionsBefore.filter((v) => v.revision < 2)) await expect(core.handlers.getVersion({ actor, id, seq: v.seq })).resolves.toMatchObject({ id });

        // Space (or permission) comes back: the editor's retry, on the same base revision, saves everything.
        clearFaults();
        const retried = await dispatch(core.handlers, 'saveArticle', { id, actor, baseRevision: 2, content: content('셋째 판', LONG_BODY + ' 추가 문단.') });
        expect(retried).toMatchObject({ ok: true, value: { revision: 3 } });
        await core.close();
        core = await openTestCore(dir);
        const saved = await core.handlers.getArticle({ actor, id });
        expect(saved).toMatchObject({ revision: 3, headline: '셋째 판' });
        expect(JSON.stringify(saved.body)).toContain('추가 문단.');
        expect(JSON.stringify(saved.body).length).toBeGreaterThan(LONG_BODY.length);
      });
    }

    it(`settings change: ${expectedCode(code)}, settings.json unchanged, the next change is kept`, async () => {
      await core.handlers.updateSettings({ actor, outlet: '한빛경제' });
      const before = await fs.readFile(join(dir, 'settings.json'));
      failWrites(code, (p) => p.includes('settings.json'));
      const failed = await dispatch(core.handlers, 'updateSettings', { actor, outlet: '새 매체' });
      expect(failed).toMatchObject({ ok: false, error: { code: expectedCode(code) } });
      expect(await fs.readFile(join(dir, 'settings.json'))).toEqual(before);
      expect((await core.handlers.getSettings({})).outlet).toBe('한빛경제');
      clearFaults();
      await core.handlers.updateSettings({ actor, outlet: '새 매체' });
      await core.close();
      core = await openTestCore(dir);
      expect((await core.handlers.getSettings({})).outlet).toBe('새 매체');
    });
  });
}

// The index journal is appended through a file opened earlier, so a full disk or a disk the
// kernel turned read-only is what reaches it (a permission change does not reach an open file).
for (const code of ['ENOSPC', 'EROFS'] as const) {
  it(`${code} at the index journal: the editor's retry after the fault does not conflict and the list ends up right`, async () => {
    failWrites(code, (p) => p.endsWith('journal.log'));
    const first = await dispatch(core.handlers, 'saveArticle', { id, actor, baseRevision: 2, content: content('셋째 판', LONG_BODY) });
    expect(faults.hits).toBeGreaterThan(0);
    clearFaults();
    // As AutosaveController does: after a failure, the same base revision again; after a success, the next one.
    const base = first.ok ? first.value.revision : 2;
    const retried = await dispatch(core.handlers, 'saveArticle', { id, actor, baseRevision: base, content: content('넷째 판', LONG_BODY) });
    expect(retried, JSON.stringify(retried)).toMatchObject({ ok: true });
    const revision = retried.ok ? retried.value.revision : -1;
    expect((await core.handlers.listArticles({ actor, scope: 'active' }))[0]).toMatchObject({ revision, headline: '넷째 판' });
    // And after a crash (no close, so no fresh snapshot), the reopened list still agrees with the file.
    await fs.unlink(join(dir, '.lock'));
    core = await openTestCore(dir);
    expect((await core.handlers.listArticles({ actor, scope: 'active' }))[0]).toMatchObject({ revision, headline: '넷째 판' });
    expect((await core.handlers.getArticle({ actor, id })).headline).toBe('넷째 판');
  });
}
