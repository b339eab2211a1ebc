// An archive import killed with SIGKILL at chosen steps, from checking the archive to restoring its
// articles, over a library that has the articles and into an empty one: every article file left is
// whole, the copy the library had or the archive's (never a torn mix), an article restored has its
// restore version, the library opens with nothing quarantined, and the import run again finishes.
// SIGKILL stops the process, not the machine: this proves the order and atomicity of the writes;
// power cuts are the fsyncs' (atomicWrite.ts).
import { spawn } from 'node:child_process';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../ArticleStore';
import { addAdmin } from '../testing/people';
import { content, openTestCore } from '../testing/tempLibrary';
import { bodyText } from './testing/backupTesting';

const ARTICLES = 70; // more than one restore batch
const root = fileURLToPath(new URL('../../', import.meta.url));
const writer = fileURLToPath(new URL('./testing/importWriter.ts', import.meta.url));
const job = { signal: new AbortController().signal, step: () => undefined };

let work: string;
let source: string;
let archive: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'copydesk-importcrash-'));
  source = join(work, 'source');
  const core = await openTestCore(source);
  const actor = await addAdmin(core);
  const ids: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const a = await core.handlers.createArticle({ actor, language: 'ko' });
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: 0, content: content(`기사 ${i}`, `보관된 원고 ${i}`) });
    ids.push(a.id);
  }
  const backup = await core.backups.create(actor);
  archive = (await core.backups.exportArchive(actor, backup.id, job, join(work, 'out'))).path;
  // The library then moves on: an import over it puts the archived text back.
  for (const [i, id] of ids.entries()) await core.handlers.saveArticle({ id, actor, baseRevision: 1, content: content(`기사 ${i}`, `지금 원고 ${i}`) });
  await core.close();
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type KillAt = { steps: number } | { restored: number };

/**
 * Runs the import in its own process, killed once it has printed `steps` progress steps (the
 * archive being checked) or once `restored` article files have been put in place (renamed into
 * the articles folder, seen as the library writes them); its lines.
 */
function importKilled(dir: string, at: KillAt): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, archive], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    let watcher: FSWatcher | null = null;
    let placed = 0;
    const kill = () => {
      if (!killed) killed = child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if ('steps' in at && out.split('\n').filter((l) => l.startsWith('step ')).length >= at.steps) kill();
      // Once the library is open its articles folder is there to watch.
      if ('restored' in at && !watcher && out.startsWith('ready\n')) {
        watcher = watch(join(dir, 'articles'), (_, name) => {
          if (name && /^[^.].*\.json$/.test(name) && ++placed >= at.restored) kill();
        });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      watcher?.close();
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`import process failed (${code}): ${err.slice(0, 1000)}`));
      else resolve({ lines: out.split('\n').filter(Boolean), killed: signal === 'SIGKILL' });
    });
  });
}

/** Every article file as the kill left it: whole and valid, holding the text it had or the archive's. */
async function checkFiles(dir: string, before: 'current' | 'none'): Promise<{ restored: string[]; failures: string[] }> {
  const failures: string[] = [];
  const restored: string[] = [];
  const names = (await readdir(join(dir, 'articles')).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  for (const name of names) {
    try {
      const article = parseArticle(JSON.parse(await readFile(join(dir, 'articles', name), 'utf8')));
      const i = article.headline.replace('기사 ', '');
      const text = bodyText(article);
      if (text === `보관된 원고 ${i}`) restored.push(article.id);
      else if (before === 'none' || text !== `지금 원고 ${i}`) failures.push(`${name}: unexpected text ${text}`);
    } catch (err) {
      failures.push(`${name}: torn or invalid: ${(err as Error).message.slice(0, 200)}`);
    }
  }
  // The version comes before the article file: an article restored has it.
  for (const id of restored) {
    const versions = (await readdir(join(dir, 'history', id)).catch(() => [] as string[])).filter((n) => n.endsWith('.json.gz') && !n.startsWith('.'));
    const texts = versions.map((v) => {
      try {
        return bodyText((JSON.parse(gunzipSync(readFileSync(join(dir, 'history', id, v))).toString('utf8')) as { article: Parameters<typeof bodyText>[0] }).article);
      } catch {
        return null;
      }
    });
    if (!texts.some((t) => t?.startsWith('보관된 원고'))) failures.push(`${id}: restored without its restore version`);
  }
  return { restored, failures };
}

describe('an archive import killed midway', () => {
  // While the archive is checked (a step per entry, ~75), and once the first, some or most articles are back.
  const kills: { at: KillAt; into: 'current' | 'none' }[] = [
    { at: { steps: 20 }, into: 'current' },
    { at: { restored: 1 }, into: 'current' },
    { at: { restored: 30 }, into: 'current' },
    { at: { steps: 40 }, into: 'none' },
    { at: { restored: 1 }, into: 'none' },
    { at: { restored: 20 }, into: 'none' },
  ];

  it('leaves every article whole, the copy it had or the archive’s, and can be run again', async () => {
    let midRestore = 0;
    for (const [trial, kill] of kills.entries()) {
      const dir = join(work, `trial-${trial}`);
      if (kill.into === 'current') await cp(source, dir, { recursive: true });
      const { lines, killed } = await importKilled(dir, kill.at);
      const label = `trial ${trial} (${kill.into}, kill at ${JSON.stringify(kill.at)}: ${killed})`;
      const { restored, failures } = await checkFiles(dir, kill.into);
      expect(failures, label).toEqual([]);
      if (killed && restored.length > 0 && restored.length < ARTICLES) midRestore++;
      expect(lines.some((l) => l.startsWith('done')), label).toBe(!killed);

      // The library opens as it is, repairs nothing, and the import run again puts every article back.
      const core = await openTestCore(dir);
      try {
        expect(await readdir(join(dir, 'quarantine')).catch(() => []), label).toEqual([]);
        const actor = core.library.listPeople().find((p) => p.role === 'admin' && p.active)?.id ?? (await addAdmin(core));
        const again = await core.backups.importArchive(actor, { name: 'again.zip', path: archive }, job);
        expect(again.failed, label).toEqual([]);
        expect(again.restored + again.unchanged, label).toBe(ARTICLES);
        const after = await checkFiles(dir, kill.into);
        expect(after.failures, label).toEqual([]);
        expect(after.restored, label).toHaveLength(ARTICLES);
      } finally {
        await core.close();
      }
    }
    // The kills did land while articles were being written, not only before or after.
    expect(midRestore).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
