// `npm run bench`: every figure is printed beside a baseline measured in the same run, as a
// ratio, because these machines are too noisy for absolute numbers to mean much alone.
//   npm run bench                  every bench at full size (a long while)
//   npm run bench -- --quick       every bench at small sizes, a few minutes (`npm test` runs it)
//   npm run bench -- typing list   only the benches whose names hold these words (with or without --quick)
// A bench that fails prints why; the run goes on with the others and exits non-zero.
import { BENCHES } from './benches';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const chosen = BENCHES.filter((b) => only.length === 0 || only.some((o) => b.name.toLowerCase().includes(o.toLowerCase())));
if (chosen.length === 0) {
  console.error(`bench: no bench is called ${only.join(', ')} (there are: ${BENCHES.map((b) => b.name).join(', ')})`);
  process.exit(2);
}

let running: string | null = null;
let finished = false;
// A run whose last pending promise can never settle (an unref'd timer nothing else waits beside)
// ends with Node's exit code 13 and no word; say which bench it was.
process.on('exit', () => {
  if (!finished) {
    console.error(`\nbench: the process stopped while "${running ?? 'starting'}" was still running: it was waiting on something that will never happen`);
    process.exitCode = 1;
  }
});

const failed: string[] = [];
const started = performance.now();
for (const bench of chosen) {
  running = bench.name;
  console.log(`\n== ${bench.name}${quick ? ' (quick)' : ''} ==`);
  const t0 = performance.now();
  try {
    for (const line of await bench.run({ quick })) console.log(line);
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed.push(bench.name);
    console.error(`bench "${bench.name}" failed after ${((performance.now() - t0) / 1000).toFixed(1)} s:`);
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    if (err instanceof Error && err.cause) console.error('caused by:', err.cause);
  }
}
finished = true;
const total = `${((performance.now() - started) / 1000).toFixed(0)} s`;
if (failed.length > 0) {
  console.error(`\nbench: ${failed.length} of ${chosen.length} failed (${failed.join(', ')}) in ${total}`);
  process.exit(1);
}
console.log(`\nbench: ${chosen.length} ran in ${total}`);
// Anything a bench left open (a server, a browser) must not keep the run from ending.
process.exit(0);
