// `copydesk server import-library` at the size: a library of 1,000 stories (quick: 100)
// with photos and history, made through the core, imported into an embedded PGlite by the command
// itself, then compared story by story (article, every version, audit, photos) through the
// server's read paths: nothing may be lost. The baseline is making the same library through the
// core in the same run (the desktop writing those stories and their versions).
import { pgliteStore } from '../server/testing/bothDatabases';
import { runServerCommand, type ServerIo } from '../server/cli/runServerCommand';
import { buildLibrary, compareImported } from '../server/importLibrary/testing/sampleLibrary';
import { benchCheck, sized, type Bench } from './bench';

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const importLibraryBench: Bench = {
  name: 'import library',
  async run(opts) {
    const bulk = sized(opts, 1000, 100);
    let t0 = performance.now();
    const built = await buildLibrary(bulk);
    const buildMs = performance.now() - t0;
    const store = await pgliteStore();
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io: ServerIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: '/', home: '/nonexistent', language: 'en' };
      t0 = performance.now();
      const code = await runServerCommand(['import-library', built.dir, '--data', store.dataDir], io);
      const importMs = performance.now() - t0;
      const db = await store.reopen();
      try {
        t0 = performance.now();
        // The one person matched by e-mail in the sample has no account on this fresh server: every id stays.
        const compared = await compareImported(db, built.dir, (id) => id);
        const compareMs = performance.now() - t0;
        const lines = [
          `  library: ${compared.stories} stories, ${compared.versions} versions, ${compared.audit} audit entries, ${compared.photos} photos`,
          `  made through the core (baseline): ${s(buildMs)}`,
          `  import-library: ${s(importMs)} (${(importMs / buildMs).toFixed(2)}× the baseline, ${(importMs / compared.stories).toFixed(1)} ms a story), exit ${code}`,
          `  compared story by story in ${s(compareMs)}: ${compared.problems.length} differences`,
          ...compared.problems.slice(0, 10).map((p) => `    ${p}`),
          ...err.map((l) => `  stderr: ${l}`),
        ];
        benchCheck(code === 0 && compared.problems.length === 0 && compared.stories === bulk + 6, lines);
        return lines;
      } finally {
        await db.close();
      }
    } finally {
      await store.dispose();
      await built.cleanup();
    }
  },
};
