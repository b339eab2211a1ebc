// The process the archive-import crash test (core/backup/importCrash.test.ts) kills: it opens a
// library, imports a backup archive into it (the whole library restored from it) and prints a line
// for every step of the import's progress, so the test can kill it at a chosen step, then `done`.
//
//   node --import tsx core/backup/testing/importWriter.ts <libraryDir> <archive.zip>
//
// Stdout to a pipe is synchronous on Linux and macOS: a line written has reached the test.
import { openTestCore } from '../../testing/tempLibrary';
import { addAdmin } from '../../testing/people';

const [dir, archive] = process.argv.slice(2);
if (!dir || !archive) throw new Error('usage: importWriter.ts <libraryDir> <archive.zip>');
const core = await openTestCore(dir);
const actor = core.library.listPeople().find((p) => p.role === 'admin' && p.active)?.id ?? (await addAdmin(core));
process.stdout.write('ready\n');
const job = { signal: new AbortController().signal, step: (_: number, current: string) => void process.stdout.write(`step ${current}\n`) };
const result = await core.backups.importArchive(actor, { name: 'crash.zip', path: archive }, job);
process.stdout.write(`done ${result.restored} ${result.failed.length}\n`);
await core.close();
