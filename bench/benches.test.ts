// Every bench in this folder is in the list `npm run bench` runs, so the quick run in `npm test`
// covers it too: a bench nobody runs is a bench that rots.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BENCHES } from './benches';

describe('the bench list', () => {
  it('holds every *Bench.ts in bench/, once, under a name of its own', async () => {
    const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('Bench.ts')).sort();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const exports: unknown[] = Object.values(await import(`./${file}`));
      expect(exports.filter((e) => BENCHES.includes(e as never)), `${file} exports a bench in bench/benches.ts`).toHaveLength(1);
    }
    expect(BENCHES).toHaveLength(files.length);
    expect(new Set(BENCHES.map((b) => b.name)).size).toBe(BENCHES.length);
  });
});
