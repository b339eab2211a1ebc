// The lint zones of eslint.config.js, run through ESLint itself on in-memory files placed in each
// folder: a forbidden import is refused wherever it points, however its text reads.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The boundary complaints for `code` linted as if it were the file at `file` (relative to the repo). */
async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result.messages.filter((m) => m.ruleId === 'copydesk/boundaries').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    // core/ never reaches outside core/ and shared/, by any path spelling.
    ['core/probe.ts', "import '../main/x';", 'main/x'],
    ['core/probe.ts', "import '../electron/main/x';", 'electron/main/x'],
    ['core/backup/probe.ts', "import '../../electron/main/x';", 'electron/main/x'],
    ['core/probe.ts', "import '../host/startHost';", 'host/startHost'],
    ['core/probe.ts', "import '../cli/runCli';", 'cli/runCli'],
    ['core/probe.ts', "import '../renderer/src/api';", 'renderer/src/api'],
    ['core/probe.ts', "import { app } from 'electron';\nvoid app;", 'electron'],
    // The slip the text patterns let through: main reached from the preload without the word "electron".
    ['electron/preload/probe.ts', "import '../main/registerIpc';", 'electron/main/registerIpc'],
    ['electron/preload/probe.ts', "import '../../shared/model/article';", 'shared/model/article'],
    // shared/ is plain TypeScript: no Node, no package off the allow-list, nothing outside shared/.
    ['shared/probe.ts', "import 'node:fs';", 'node:fs'],
    ['shared/model/probe.ts', "import 'fs/promises';", 'fs/promises'],
    ['shared/probe.ts', "import 'sharp';", 'sharp'],
    ['shared/probe.ts', "import '@tiptap/core';", '@tiptap/core'],
    ['shared/model/probe.ts', "import '../../core/Library';", 'core/Library'],
    // The newsroom server builds on core/ and shared/, never on the desktop's glue, the browser host or the renderer.
    ['server/probe.ts', "import '../electron/main/x';", 'electron/main/x'],
    ['server/accounts/probe.ts', "import '../../host/startHost';", 'host/startHost'],
    ['server/probe.ts', "import '../renderer/src/api';", 'renderer/src/api'],
    ['server/probe.ts', "import '../cli/runCli';", 'cli/runCli'],
    ['server/probe.ts', "import 'react';", 'react'],
    ['core/probe.ts', "import '../server/openServer';", 'server/openServer'],
    // The renderer sees only renderer/ and shared/.
    ['renderer/src/probe.ts', "import 'node:fs';", 'node:fs'],
    ['renderer/src/library/probe.tsx', "import '../../../core/Library';", 'core/Library'],
    ['renderer/src/probe.ts', "import '../../core/x';", 'core/x'],
    ['renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;", 'electron'],
  ])('%s refuses %s', async (file, code, target) => {
    const found = await refusals(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(target);
  });

  it('judges every import form, not only import declarations', async () => {
    const code = [
      "export * from '../main/a';",
      "export { b } from '../main/b';",
      "export type C = import('../main/c').C;",
      "export const d = () => import('../main/d');",
      "import e = require('../main/e');",
      'export { e };',
    ].join('\n');
    const found = await refusals('core/probe.ts', code);
    expect(found.map((m) => m.match(/main\/\w/)?.[0])).toEqual(['main/a', 'main/b', 'main/c', 'main/d', 'main/e']);
  });

  it.each([
    ['core/probe.ts', "import '../shared/model/article';\nimport 'node:fs';\nimport 'sharp';"],
    ['core/backup/probe.ts', "import '../Library';\nimport '../../shared/contract/api';"],
    ['host/probe.ts', "import '../core/createCore';\nimport 'node:http';"],
    ['cli/probe.ts', "import '../core/createCore';\nimport '../server/cli/runServerCommand';"],
    ['server/probe.ts', "import '../core/LibraryLock';\nimport '../shared/contract/errors';\nimport '../package.json';\nimport 'pg';\nimport 'node:http';"],
    ['electron/main/probe.ts', "import '../../core/createCore';\nimport { app } from 'electron';\nvoid app;"],
    ['electron/preload/probe.ts', "import '../../shared/contract/api';\nimport { ipcRenderer } from 'electron';\nvoid ipcRenderer;"],
    ['shared/model/probe.ts', "import { z } from 'zod';\nimport '../contract/api';\nvoid z;"],
    ['renderer/src/probe.tsx', "import '../../shared/model/article';\nimport './api';\nimport 'react';"],
    // Tests may read fixtures with Node (their folder zone still holds).
    ['shared/model/probe.test.ts', "import 'node:fs';\nimport 'vitest';"],
    ['renderer/src/probe.test.ts', "import 'node:path';"],
  ])('%s may import what its zone allows', async (file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });

  it('keeps the folder zone in test files', async () => {
    expect(await refusals('shared/model/probe.test.ts', "import '../../electron/main/x';")).toHaveLength(1);
  });
});
