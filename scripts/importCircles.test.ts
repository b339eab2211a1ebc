// The project's code has no import circles (they were broken in issue 14 by moving the shared type
// into a file of its own), and the finder does find one when two files import each other.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportCircles } from './importCircles';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('import circles', () => {
  it('finds none in core, shared, the renderer, the CLI, the host, the server or the Electron glue', () => {
    expect(findImportCircles(root)).toEqual([]);
  });

  it('finds two files that import each other, a type-only import included, and not a file beside them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-circles-'));
    try {
      await mkdir(join(dir, 'core'));
      await writeFile(join(dir, 'core', 'a.ts'), "import { b } from './b';\nexport const a = b + 1;\n");
      await writeFile(join(dir, 'core', 'b.ts'), "import type { A } from './c';\nexport const b = 1;\nexport type B = A;\n");
      await writeFile(join(dir, 'core', 'c.ts'), "import type { B } from './b';\nexport type A = B | 1;\n");
      expect(findImportCircles(dir, ['core'])).toEqual([['core/b.ts', 'core/c.ts']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
