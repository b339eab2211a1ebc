// The process the append log's kill trial (../appendLogCrash.test.ts) kills: it appends records
// from four writers at once, some durable and some not, compacts now and then, and prints one line
// per record only after its append resolved. Every line printed is a promise the log made.
//
//   node --import tsx core/storage/testing/appendLogWriter.ts <logPath> <runTag> <seed>
//
// stdout: `ready`, then `ok <id>` per record (the record is `<id> <filler>`, filler of seeded
// length). Stdout to a pipe is synchronous on Linux and macOS, so a printed line reaches the
// driver even if the kill comes right after it.
import { seeded } from '../../testing/crashContent';
import { AppendLog } from '../appendLog';

async function main(): Promise<void> {
  const [path, tag, seedArg] = process.argv.slice(2);
  if (!path || !tag) throw new Error('usage: appendLogWriter.ts <logPath> <runTag> <seed>');
  const rand = seeded(Number(seedArg ?? 1));
  const { log, records } = await AppendLog.open(path);
  // What the log holds, in order, for compaction's snapshot (a compacted log keeps every record).
  const kept = records.map((r) => Buffer.from(r));
  process.stdout.write('ready\n');
  let n = 0;
  const writer = async () => {
    for (;;) {
      if (rand() < 0.01) {
        const upTo = kept.length; // records appended before the compaction: all written by the time it runs
        await log.compact(() => kept.slice(0, upTo));
        continue;
      }
      const id = `${tag}-${n++}`;
      const record = Buffer.from(`${id} ${'가x'.repeat(Math.floor(rand() * 200))}`);
      kept.push(record);
      await log.append(record, { durable: rand() < 0.8 });
      process.stdout.write(`ok ${id}\n`);
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
}

main().catch((err: unknown) => {
  process.stderr.write(`appendLogWriter failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
