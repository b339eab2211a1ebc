// Backups of a 10,000-article library (quick: 1,000): the first snapshot, an hourly one after 100 stories changed,
// one where nothing changed, and an archive out and back in. The baseline, in the same run, is the
// plain way to back up: gzip a copy of every article file, every time.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { openCore, type Core } from '../core/createCore';
import { addAdmin } from '../core/testing/people';
import { generateArticle, vocabulary } from './library/generateArticles';
import { benchCheck, sized, type Bench, type BenchOptions } from './bench';

const gzip = promisify(gzipCb);
const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    const s = await stat(join(dir, name)).catch(() => null);
    if (s?.isFile()) total += s.size;
  }
  return total;
}

async function seed(dir: string, articles: number): Promise<number> {
  const v = vocabulary();
  await mkdir(join(dir, 'articles'), { recursive: true });
  let bytes = 0;
  for (let i = 0; i < articles; i++) {
    const a = generateArticle(i, v);
    const text = JSON.stringify(a, null, 2);
    bytes += Buffer.byteLength(text);
    await writeFile(join(dir, 'articles', `${a.id}.json`), text);
  }
  return bytes;
}

/** The naive backup: every article file read, gzipped and written, whether it changed or not. */
async function fullCopy(libraryDir: string, out: string): Promise<number> {
  await mkdir(out, { recursive: true });
  const t0 = performance.now();
  for (const name of await readdir(join(libraryDir, 'articles'))) {
    if (!name.endsWith('.json')) continue;
    await writeFile(join(out, `${name}.gz`), await gzip(await readFile(join(libraryDir, 'articles', name))));
  }
  return performance.now() - t0;
}

async function settled(core: Core): Promise<void> {
  for (;;) {
    if ((await core.handlers.getLibraryInfo({})).indexing === null) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`.padStart(10);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function runBackupBench(opts: BenchOptions): Promise<string[]> {
  const articles = sized(opts, 10_000, 1_000);
  const changed = sized(opts, 100, 10);
  const work = await mkdtemp(join(tmpdir(), 'copydesk-backupbench-'));
  const lines: string[] = [];
  let core: Core | null = null;
  let other: Core | null = null;
  try {
    const libraryDir = join(work, 'library');
    const jsonBytes = await seed(libraryDir, articles);
    core = await openCore({ libraryDir, appInfo, backupSchedule: false });
    const actor = await addAdmin(core);
    const backups = core.backups;
    // The library indexes a big folder in the background after opening; backups are measured on their own.
    await settled(core);

    const [first, firstMs] = await timed(() => backups.create(actor));
    const firstRun = backups.lastRun!;
    const storeBytes = await folderBytes(join(libraryDir, 'backups'));

    // 100 stories change between two hourly snapshots (written as the library writes them: a new file each).
    const ids = (await readdir(join(libraryDir, 'articles'))).filter((n) => n.endsWith('.json')).slice(0, changed);
    for (const name of ids) {
      const path = join(libraryDir, 'articles', name);
      const a = JSON.parse(await readFile(path, 'utf8')) as { headline: string; revision: number };
      await writeFile(`${path}.tmp`, JSON.stringify({ ...a, headline: `${a.headline} (고침)`, revision: a.revision + 1 }, null, 2));
      await rename(`${path}.tmp`, path);
    }
    const [, incrementalMs] = await timed(() => backups.create(actor));
    const incRun = backups.lastRun!;
    const incBytes = (await folderBytes(join(libraryDir, 'backups'))) - storeBytes;
    const [, idleMs] = await timed(() => backups.create(actor));
    const idleRun = backups.lastRun!;

    const naiveMs = await fullCopy(libraryDir, join(work, 'naive'));
    const naiveBytes = await folderBytes(join(work, 'naive'));

    const job = { signal: new AbortController().signal, step: () => undefined };
    const [exported, exportMs] = await timed(() => backups.exportArchive(actor, first.id, job, join(work, 'out')));

    other = await openCore({ libraryDir: join(work, 'other'), appInfo, backupSchedule: false });
    const otherActor = await addAdmin(other);
    await settled(other);
    const [imported, importMs] = await timed(async () => other!.backups.importArchive(otherActor, { name: 'bench.zip', path: exported.path }, job));

    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    lines.push(
      `Library: ${articles.toLocaleString('en')} generated Korean/English articles, ${mb(jsonBytes)} of article JSON.`,
      `  baseline: gzip a copy of every article   ${ms(naiveMs)}   writes ${mb(naiveBytes)} every time`,
      `  first snapshot                          ${ms(firstMs)}   (${ratio(firstMs, naiveMs)} baseline; read ${firstRun.read}, stored ${firstRun.stored} objects, store ${mb(storeBytes)})`,
      `  hourly snapshot, ${String(changed).padEnd(3)} articles changed   ${ms(incrementalMs)}   (${ratio(incrementalMs, naiveMs)} baseline; read ${incRun.read}, stored ${incRun.stored} objects, +${mb(incBytes)})`,
      `  hourly snapshot, nothing changed        ${ms(idleMs)}   (${ratio(idleMs, naiveMs)} baseline; read ${idleRun.read}, stored ${idleRun.stored} objects)`,
      `  archive export                          ${ms(exportMs)}   ${mb(exported.bytes)}`,
      `  archive import into an empty library    ${ms(importMs)}   (${ratio(importMs, naiveMs)} baseline, target ≤ 2×; ${imported.restored.toLocaleString('en')} articles restored, ${imported.failed.length} failed)`,
    );
    benchCheck(imported.restored === articles && imported.failed.length === 0, lines);
    return lines;
  } finally {
    await other?.close();
    await core?.close();
    await rm(work, { recursive: true, force: true });
  }
}

export const backupBench: Bench = { name: 'Backups', run: runBackupBench };
