// The newsroom server's fault tests in their long form (issue 18): server/instances/faults/, each
// ending with every client's document the same, equal to what PostgreSQL holds, with every edit
// a client saw acknowledged. CI runs their bounded form in the unit suite; here they run with
// COPYDESK_FAULTS_LONG=1 (minutes of typing, outages of tens of seconds, more rounds), and the
// figures each prints (edits typed, acknowledged, lost) are gathered. Quick: one of them, bounded,
// so the bench's own running and reading stays checked in CI.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { benchCheck, sized, type Bench } from './bench';

const ROOT = join(import.meta.dirname, '..');
const FAULTS = 'server/instances/faults';

interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; assertionResults: { title: string; status: string; duration?: number | null }[] }[];
}

/** Runs vitest on `files` with `env`; its JSON report and the figure lines the tests print (`[name] …`). */
async function runFaults(files: string[], env: Record<string, string>): Promise<{ report: VitestReport; figures: string[]; code: number | null }> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-faults-'));
  try {
    const out = join(dir, 'report.json');
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
      cwd: ROOT,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const figures: string[] = [];
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const raw of lines) {
        // The reporter colours its lines whatever the environment says.
        const line = stripVTControlCharacters(raw).trim();
        if (/^\[[^\]]+\] /.test(line)) figures.push(line);
      }
    });
    child.stderr.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const report = JSON.parse(await readFile(out, 'utf8')) as VitestReport;
    return { report, figures, code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const faultsBench: Bench = {
  name: 'faults (the server under kills and outages, long form)',
  async run(opts) {
    const files = sized(opts, [FAULTS], [`${FAULTS}/stepRacesEdit.test.ts`]);
    const started = performance.now();
    const { report, figures, code } = await runFaults(files, opts.quick ? {} : { COPYDESK_FAULTS_LONG: '1' });
    const minutes = (performance.now() - started) / 60_000;
    const lines = [`${opts.quick ? 'bounded form of one fault test' : 'every fault test in its long form (COPYDESK_FAULTS_LONG=1)'}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped of ${report.numTotalTests}, in ${minutes.toFixed(1)} min`];
    for (const file of report.testResults) {
      for (const t of file.assertionResults) lines.push(`   ${t.status === 'passed' ? 'passed' : t.status.toUpperCase()}  ${file.name.replace(`${ROOT}/`, '')} › ${t.title} (${((t.duration ?? 0) / 1000).toFixed(0)} s)`);
    }
    lines.push('   what each measured:', ...figures.map((f) => `   ${f}`));
    // A skipped fault test (no PostgreSQL or Redis) proves nothing: outside CI it is said, in CI it fails.
    const skipped = report.numPendingTests > 0;
    if (skipped && process.env.CI !== 'true') return [`skipped in part: ${report.numPendingTests} fault tests need a PostgreSQL and a redis-server`, ...lines];
    benchCheck(code === 0 && report.numFailedTests === 0 && !skipped && report.numPassedTests > 0, lines);
    return lines;
  },
};
