// The crash fault test: start the writer process (./crashWriter.ts) on a library, kill
// it with SIGKILL at a random moment, and check what a relaunched Copydesk finds: the library
// opens, every article file is whole and valid, every step the writer reported done is there (its
// revision or a later one, with that revision's own text), the list agrees with the files, and
// leftover temp files harm nothing. Libraries are reused across kills at random, so the writer
// also restarts straight on a library it was killed in, as a reporter relaunching the app would.
//
// SIGKILL stops the process, not the machine: what it proves is that no moment in a save leaves
// a torn or half-renamed file. Power cuts are covered by the fsyncs in atomicWrite.ts, not here.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PeopleFileSchema } from '../../shared/model/person';
import { SettingsSchema } from '../../shared/model/settings';
import type { Article, DocNode } from '../../shared/model/article';
import { parseArticle } from '../ArticleStore';
import { Library } from '../Library';
import { headlineHash, revisionMark, seeded } from './crashContent';

export interface CrashTrialOptions {
  trials: number;
  seed?: number;
  /** Longest wait, after the writer's first step is done, before the kill. */
  maxDelayMs?: number;
  /** Share of kills timed from the process start rather than from the first step: many land while the library opens and recovers. */
  startupKills?: number;
  /** Chance that the next trial starts on a fresh library instead of the one just crashed. */
  freshLibrary?: number;
  /** Chance that the check after a kill reads the files only, so the writer itself is the one to reopen the crashed library. */
  writerReopens?: number;
  onTrial?(trial: number, result: CrashCounts): void;
}

export interface CrashCounts {
  /** Writer processes started and killed (one per trial). */
  runs: number;
  /** Steps (create, save, transition) the writer reported done before its kill. */
  reportedSaves: number;
  /** Reported steps not found afterwards: article missing, older revision, other text, transition not in the audit log. */
  lost: number;
  /** Article, settings or people files that did not validate, and articles holding a mix of revisions. */
  corrupt: number;
  /** Notices the reopened library gave (recovered or quarantined files, rebuilt index). */
  recoveredNotices: number;
  /** Reopens that failed. */
  openFailures: number;
  /** Articles whose list entry disagreed with the file (or was missing, or listed a file that is not there). */
  indexMismatches: number;
  /** Temp files a kill mid-write left behind (hidden, ignored by every reader): new ones after each kill. */
  strayTemps: number;
  /** Kills timed from the process start (see `startupKills` in the options). */
  startupKills: number;
  /** Libraries used. */
  libraries: number;
  /** What went wrong, for the test's message. */
  failures: string[];
}

export interface Promised {
  revision: number;
  hash: string;
  transitions: number;
}

const WATCHDOG_MS = 60_000;

/** Temp files already counted per library, so each kill's leftovers are counted once. */
const tempsSeen = new Map<string, number>();

const root = fileURLToPath(new URL('../../', import.meta.url));
const writer = fileURLToPath(new URL('./crashWriter.ts', import.meta.url));

export async function runCrashTrials(opts: CrashTrialOptions): Promise<CrashCounts> {
  const rand = seeded(opts.seed ?? Date.now());
  const counts = emptyCounts();
  const work = await mkdtemp(join(tmpdir(), 'copydesk-crash-'));
  let dir: string | null = null;
  let promised = new Map<string, Promised>();
  try {
    for (let trial = 0; trial < opts.trials; trial++) {
      if (dir === null || rand() < (opts.freshLibrary ?? 0.2)) {
        if (dir) await rm(dir, { recursive: true, force: true });
        dir = join(work, `lib-${counts.libraries++}`);
        promised = new Map();
      }
      const atStartup = rand() < (opts.startupKills ?? 0.15);
      if (atStartup) counts.startupKills++;
      const lines = await runAndKill(dir, Math.floor(rand() * 2 ** 31), atStartup, rand() * (opts.maxDelayMs ?? 500), counts);
      counts.runs++;
      counts.reportedSaves += addPromises(promised, lines);
      // The last check always reopens, so the final state is seen the way the app would see it.
      const reopen = trial === opts.trials - 1 || rand() >= (opts.writerReopens ?? 0.3);
      await checkLibrary(dir, promised, reopen, counts, `trial ${trial}`);
      opts.onTrial?.(trial, counts);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return counts;
}

/** Runs the writer to the end of `steps` steps (no kill); returns its lines. For checking the check. */
export function runWriter(dir: string, seed: number, steps: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, String(seed), String(steps)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`writer exited with ${code}`))));
  });
}

/** Starts the writer, kills it, and returns every line it printed. */
function runAndKill(dir: string, seed: number, atStartup: boolean, delayMs: number, counts: CrashCounts): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, String(seed)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    // A kill during start-up lands anywhere in opening the library (lock, settings, index, recovery).
    if (atStartup) timer = setTimeout(kill, delayMs * 3);
    // A writer that never reports a step (stuck opening the library) is a failure, not a hang.
    const watchdog = setTimeout(() => {
      counts.failures.push(`writer reported no step within ${WATCHDOG_MS / 1000} s: ${out.trim().split('\n').slice(-2).join(' | ')}`);
      kill();
    }, WATCHDOG_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      // Otherwise the clock starts at the first step reported done: the kill lands in the stream of saves.
      if (!atStartup && timer === null && out.includes('\nok ')) {
        clearTimeout(watchdog);
        timer = setTimeout(kill, delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(watchdog);
      if (!killed || signal !== 'SIGKILL') {
        // The writer stopped on its own: a failure to open the library, or a step that threw.
        counts.openFailures += out.startsWith('ready\n') ? 0 : 1;
        counts.failures.push(`writer exited (code ${code}, signal ${signal}) before the kill: ${err.trim().split('\n').slice(0, 6).join(' | ')}`);
      }
      resolve(out.split('\n').filter(Boolean));
    });
  });
}

/** Records the writer's `ok` lines as promises (the newest per article wins); returns how many there were. */
export function addPromises(promised: Map<string, Promised>, lines: string[]): number {
  let n = 0;
  for (const line of lines) {
    const [word, id, revision, hash, step] = line.split(' ');
    if (word !== 'ok') continue;
    n++;
    const transitions = (promised.get(id)?.transitions ?? 0) + (step.startsWith('transition:') ? 1 : 0);
    promised.set(id, { revision: Number(revision), hash, transitions });
  }
  return n;
}

export function emptyCounts(): CrashCounts {
  return { runs: 0, reportedSaves: 0, lost: 0, corrupt: 0, recoveredNotices: 0, openFailures: 0, indexMismatches: 0, strayTemps: 0, startupKills: 0, libraries: 0, failures: [] };
}

/**
 * Checks a library against what the writer promised, adding to `counts`: first the files as they
 * are (before anything reopens and repairs them), then, with `reopen`, the library as it opens.
 */
export async function checkLibrary(dir: string, promised: ReadonlyMap<string, Promised>, reopen: boolean, counts: CrashCounts, label: string): Promise<void> {
  const fail = (kind: 'lost' | 'corrupt' | 'openFailures' | 'indexMismatches', what: string) => {
    counts[kind]++;
    if (counts.failures.length < 50) counts.failures.push(`${label}: ${kind}: ${what}`);
  };
  const temps = await countTemps(dir);
  const before = tempsSeen.get(dir) ?? 0;
  counts.strayTemps += temps >= before ? temps - before : temps; // fewer: a start-up swept them
  tempsSeen.set(dir, temps);

  // The files as the kill left them, before anything reopens (and possibly repairs) them.
  const onDisk = new Map<string, Article>();
  const names = await readdir(join(dir, 'articles')).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
    try {
      const article = parseArticle(JSON.parse(await readFile(join(dir, 'articles', name), 'utf8')));
      onDisk.set(article.id, article);
    } catch (err) {
      fail('corrupt', `${name}: ${(err as Error).message.slice(0, 200)}`);
    }
  }
  for (const [file, schema] of [['settings.json', SettingsSchema], ['people.json', PeopleFileSchema]] as const) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => null);
    if (text === null) continue; // killed before it was first written
    try {
      schema.parse(JSON.parse(text));
    } catch (err) {
      fail('corrupt', `${file}: ${(err as Error).message.slice(0, 200)}`);
    }
  }

  let articles = onDisk;
  let library: Library | null = null;
  if (reopen) {
    try {
      library = await Library.open(dir);
    } catch (err) {
      fail('openFailures', (err as Error).message);
      return;
    }
  }
  try {
    if (library) {
      counts.recoveredNotices += library.notices.length;
      articles = new Map();
      for (const id of onDisk.keys()) {
        try {
          articles.set(id, await library.get(id));
        } catch (err) {
          fail('corrupt', `${id} does not load: ${(err as Error).message}`);
        }
      }
      const listed = [...library.list('active'), ...library.list('trash')];
      for (const summary of listed) {
        const article = articles.get(summary.id);
        if (!article) fail('indexMismatches', `${summary.id} is listed but has no file`);
        else if (summary.revision !== article.revision || summary.headline !== article.headline || summary.status !== article.status) {
          fail('indexMismatches', `${summary.id}: list says r${summary.revision} ${summary.status}, file r${article.revision} ${article.status}`);
        }
      }
      for (const id of articles.keys()) if (!listed.some((s) => s.id === id)) fail('indexMismatches', `${id} has a file but is not listed`);
    }

    for (const article of articles.values()) {
      // An article's text must be all of one revision: its own.
      const mark = revisionMark(article.revision);
      if (!article.headline.endsWith(` ${mark}`) || !textOf(article.body.content).includes(mark)) {
        fail('corrupt', `${article.id} r${article.revision} holds text of another revision: ${article.headline}`);
      }
    }

    for (const [id, promise] of promised) {
      const article = articles.get(id);
      if (!article) fail('lost', `${id} (reported at r${promise.revision}) is gone`);
      else if (article.revision < promise.revision) fail('lost', `${id} is at r${article.revision}, r${promise.revision} was reported saved`);
      else if (article.revision === promise.revision && headlineHash(article.headline) !== promise.hash) fail('lost', `${id} r${article.revision} is not the text reported saved`);
      else if (library && promise.transitions > 0) {
        const steps = (await library.historyOf(id)).audit.filter((e) => ['send', 'review', 'return'].includes(e.action)).length;
        if (steps < promise.transitions) fail('lost', `${id}: ${promise.transitions} workflow steps reported, ${steps} in the audit log`);
      }
    }
  } finally {
    await library?.close();
  }
}

function textOf(nodes: DocNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.text ?? '') + textOf(n.content)).join('\n');
}

async function countTemps(dir: string): Promise<number> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return names.filter((n) => /(^|\/)\.[^/]+\.tmp$/.test(n)).length;
}
