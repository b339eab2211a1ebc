// The crash fault test in its bounded form (the long one is `npm run bench crash`): a writer
// process saving Korean and English copy is killed with SIGKILL at random moments, and every
// save it reported done is found afterwards, in a library that opens with no damaged file.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempLibrary';
import { addPromises, checkLibrary, emptyCounts, runCrashTrials, runWriter, type Promised } from '../testing/runCrashTrials';

const TRIALS = 25;
const seed = Number(process.env.COPYDESK_CRASH_SEED ?? Date.now() % 1_000_000);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('crash safety', () => {
  it(`${TRIALS} kills at random moments lose no reported save and damage no file (seed in the message)`, async () => {
    const counts = await runCrashTrials({ trials: TRIALS, seed });
    const summary = `seed ${seed} (COPYDESK_CRASH_SEED=${seed} repeats it): ${JSON.stringify({ ...counts, failures: undefined })}`;
    expect(counts.failures, summary).toEqual([]);
    expect(counts, summary).toMatchObject({ runs: TRIALS, lost: 0, corrupt: 0, openFailures: 0, indexMismatches: 0 });
    // Every kill not aimed at start-up came after at least one step was reported done.
    expect(counts.reportedSaves, summary).toBeGreaterThanOrEqual(TRIALS - counts.startupKills);
  }, 300_000);

  it('the check itself catches a rolled-back save and a torn file', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const promised = new Map<string, Promised>();
    addPromises(promised, await runWriter(dir, seed, 80));
    const clean = emptyCounts();
    await checkLibrary(dir, promised, true, clean, 'untouched');
    expect(clean.failures).toEqual([]);

    // Put one article back to its previous version and tear another, as a broken save would.
    // The one rolled back must have a last good copy at an older revision: after a trash or
    // restore (which keep the revision) the copy is the same revision and a rollback is invisible.
    const articles = join(dir, 'articles');
    const saved = [...promised].filter(([, p]) => p.revision > 0).map(([id]) => id);
    const olderCopy = async (id: string) => {
      const bak = await readFile(join(articles, `${id}.json.bak`), 'utf8').catch(() => null);
      return bak !== null && (JSON.parse(bak) as { revision: number }).revision < promised.get(id)!.revision;
    };
    const rollable = [];
    for (const id of saved) if (await olderCopy(id)) rollable.push(id);
    expect(rollable.length).toBeGreaterThanOrEqual(1);
    const rolledBack = rollable[0];
    const torn = saved.find((id) => id !== rolledBack)!;
    expect(torn).toBeDefined();
    await copyFile(join(articles, `${rolledBack}.json.bak`), join(articles, `${rolledBack}.json`));
    const text = await readFile(join(articles, `${torn}.json`), 'utf8');
    await writeFile(join(articles, `${torn}.json`), text.slice(0, text.length / 2));
    const counts = emptyCounts();
    await checkLibrary(dir, promised, true, counts, 'damaged');
    expect(counts.lost).toBeGreaterThanOrEqual(1);
    expect(counts.corrupt).toBe(1);
    expect(counts.failures.join('\n')).toContain(rolledBack);
    expect(counts.failures.join('\n')).toContain(torn);
    // The reopened library recovered the torn file from its last good copy and said so.
    expect(counts.recoveredNotices).toBe(1);
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(1);
  }, 60_000);
});
