// The long crash fault test: 300 kills (quick: 10; COPYDESK_CRASH_TRIALS overrides, and
// COPYDESK_CRASH_SEED repeats a run). Prints the counts the issue asks for; lost and corrupt must
// be 0, or the bench fails.
import { runCrashTrials } from '../core/testing/runCrashTrials';
import { benchCheck, sized, type Bench, type BenchOptions } from './bench';

async function runCrashBench(opts: BenchOptions): Promise<string[]> {
  const trials = Number(process.env.COPYDESK_CRASH_TRIALS ?? sized(opts, 300, 10));
  const seed = Number(process.env.COPYDESK_CRASH_SEED ?? Date.now() % 1_000_000);
  const t0 = performance.now();
  const c = await runCrashTrials({
    trials,
    seed,
    onTrial: (i) => {
      if ((i + 1) % 50 === 0) process.stderr.write(`  … ${i + 1}/${trials} kills\n`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const lines = [
    `Crash fault test (writer killed with SIGKILL at random moments; seed ${seed}):`,
    `  runs ${c.runs} on ${c.libraries} libraries (${c.startupKills} kills timed from process start), ${c.reportedSaves.toLocaleString('en')} steps reported done`,
    `  lost ${c.lost}, corrupt ${c.corrupt}, open failures ${c.openFailures}, list/file mismatches ${c.indexMismatches}`,
    `  notices on reopen ${c.recoveredNotices}, leftover temp files ${c.strayTemps}`,
    `  ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, c.runs)).toFixed(0)} ms per kill, mostly starting the writer process)`,
    '  target: lost 0, corrupt 0',
  ];
  for (const f of c.failures.slice(0, 10)) lines.push(`  ! ${f}`);
  benchCheck(c.lost === 0 && c.corrupt === 0 && c.openFailures === 0 && c.indexMismatches === 0, lines);
  return lines;
}

export const crashBench: Bench = { name: 'Crash', run: runCrashBench };
