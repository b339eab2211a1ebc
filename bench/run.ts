// `npm run bench`: every figure is printed beside a baseline measured in the same run, as a
// ratio, because these machines are too noisy for absolute numbers to mean much alone.
import { runSaveBench } from './saveBench';
import { runTypingBench } from './typingBench';
import { runPhotoBench } from './photoBench';
import { runHistoryBench } from './historyBench';
import { runExportBench } from './exportBench';
import { runSearchBench } from './searchBench';
import { runBackupBench } from './backupBench';
import { runCrashBench } from './crashBench';
import { runListBench } from './listBench';

const benches: [string, () => Promise<string[]>][] = [
  ['Autosave', runSaveBench],
  ['History', runHistoryBench],
  ['Typing', runTypingBench],
  ['Photo import', runPhotoBench],
  ['Export', runExportBench],
  ['Search and scale', runSearchBench],
  ['Library list', runListBench],
  ['Backups', runBackupBench],
  ['Crash', runCrashBench],
];

const only = process.argv.slice(2);
for (const [name, run] of benches) {
  if (only.length && !only.some((o) => name.toLowerCase().startsWith(o.toLowerCase()))) continue;
  console.log(`\n== ${name} ==`);
  for (const line of await run()) console.log(line);
}
