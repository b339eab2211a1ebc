// The process the crash test kills: it opens a library and saves, creates and moves articles
// through the workflow as fast as it can, and prints one line per step only after the library
// reported that step done. Every line it printed is a promise the library made; the driver
// (core/testing/runCrashTrials.ts) kills this process with SIGKILL and checks them all.
//
//   node --import tsx core/testing/crashWriter.ts <libraryDir> <seed> [maxSteps]
//
// stdout: `ready`, then `ok <id> <revision> <headline-hash> <step>` per step (step is `create`,
// `save` or `transition:<action>`). Stdout to a pipe is synchronous on Linux and macOS, so a line
// that was written reaches the driver even if the kill comes right after it.
import type { WorkflowAction } from '../../shared/workflow/transitions';
import { Library } from '../Library';
import { crashContent, headlineHash, seeded } from './crashContent';

const MIN_ARTICLES = 3;
const MAX_ARTICLES = 7;
const WORKERS = 2;

async function main(): Promise<void> {
  const [dir, seedArg, maxArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: crashWriter.ts <libraryDir> <seed> [maxSteps]');
  const rand = seeded(Number(seedArg ?? 1));
  const maxSteps = maxArg ? Number(maxArg) : Infinity;
  const library = await Library.open(dir);
  const actor =
    library.listPeople().find((p) => p.role === 'admin' && p.active)?.id ??
    (await library.savePerson(null, { name: '충돌 시험', role: 'admin', desk: '편집국', email: '', bylineName: '충돌 시험', bylineRole: '기자', active: true })).id;
  process.stdout.write('ready\n');

  const ids = library.list('active').map((s) => s.id);
  const busy = new Set<string>();
  let steps = 0;
  const report = (id: string, step: string) => {
    const summary = library.summaryOf(id)!;
    process.stdout.write(`ok ${id} ${summary.revision} ${headlineHash(summary.headline)} ${step}\n`);
  };

  const create = async () => {
    const created = await library.create(actor, undefined, crashContent(ids.length, 0, rand));
    ids.push(created.id);
    report(created.id, 'create');
  };

  const step = async () => {
    if (ids.length < MIN_ARTICLES || (ids.length < MAX_ARTICLES && rand() < 0.04)) return create();
    const free = ids.filter((id) => !busy.has(id));
    if (free.length === 0) return create();
    const id = free[Math.floor(rand() * free.length)];
    busy.add(id);
    try {
      const summary = library.summaryOf(id)!;
      let action: WorkflowAction | null = null;
      if (summary.status === 'sent') action = 'review';
      else if (rand() < 0.1) action = summary.status === 'review' ? 'return' : 'send';
      if (action) {
        await library.transition(id, actor, { action, note: action === 'return' ? '리드를 고쳐 주세요. Fix the lede.' : '', override: false });
        report(id, `transition:${action}`);
      } else {
        const slot = ids.indexOf(id);
        await library.save(id, summary.revision, crashContent(slot, summary.revision + 1, rand), actor);
        report(id, 'save');
      }
    } finally {
      busy.delete(id);
    }
  };

  // Two writers at once, as two open windows would: saves of different articles interleave.
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (steps++ < maxSteps) await step();
    }),
  );
  await library.close();
  process.stdout.write('done\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`crashWriter failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
