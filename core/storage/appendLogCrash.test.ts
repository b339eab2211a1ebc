// The append log killed for real: a writer process (./testing/appendLogWriter.ts) appending from
// four writers at once, durable and not, compacting now and then, is killed with SIGKILL at a random
// moment, again and again on the same log. Every record it reported appended is there afterwards,
// once, and nothing else is (no torn or half-compacted record reads back). SIGKILL stops the process,
// not the machine: power cuts are what the fsyncs are for, covered by the batching tests.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { seeded } from '../testing/crashContent';
import { tempDir } from '../testing/tempLibrary';
import { AppendLog } from './appendLog';

const TRIALS = 8;
const seed = Number(process.env.COPYDESK_CRASH_SEED ?? Date.now() % 1_000_000);
const root = fileURLToPath(new URL('../../', import.meta.url));
const writer = fileURLToPath(new URL('./testing/appendLogWriter.ts', import.meta.url));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Runs the writer until `delayMs` after its first acknowledged record, kills it, and returns the ids it acknowledged. */
function runAndKill(path: string, tag: string, writerSeed: number, delayMs: number): Promise<{ acked: string[]; killed: boolean; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, tag, String(writerSeed)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (timer === null && out.includes('\nok ')) {
        timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('error', reject);
    child.once('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      const acked = out.split('\n').flatMap((line) => (line.startsWith('ok ') ? [line.slice(3)] : []));
      resolve({ acked, killed: killed && signal === 'SIGKILL', err });
    });
  });
}

describe('append log kill trial', () => {
  it(`${TRIALS} SIGKILLs on one log lose no acknowledged record and leave no stray one (seed in the message)`, async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'trial.log');
    const rand = seeded(seed);
    const acked: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const run = await runAndKill(path, `r${trial}`, Math.floor(rand() * 2 ** 31), rand() * 300);
      const label = `seed ${seed} (COPYDESK_CRASH_SEED=${seed} repeats it), trial ${trial}`;
      expect(run.killed, `${label}: the writer stopped by itself: ${run.err}`).toBe(true);
      expect(run.acked.length, label).toBeGreaterThan(0);
      acked.push(...run.acked);

      const { log, records } = await AppendLog.open(path);
      await log.close();
      const ids = records.map((r) => Buffer.from(r).toString('utf8').split(' ')[0]);
      const present = new Set(ids);
      expect(ids.length, `${label}: a record appears twice`).toBe(present.size);
      for (const id of ids) expect(id, `${label}: a record no writer made`).toMatch(/^r\d+-\d+$/);
      const lost = acked.filter((id) => !present.has(id));
      expect(lost, `${label}: acknowledged records missing`).toEqual([]);
    }
  }, 120_000);
});
