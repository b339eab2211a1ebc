// `copydesk check` when a dictionary cannot be loaded (a damaged install): house style still runs,
// the file says spelling was not checked, and the terminal is told why once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { EXIT, runCli, type CliIo } from './runCli';
import type { CheckFileJson } from './runCheck';
import { tempDir } from '../core/testing/tempLibrary';

vi.mock('./loadDictionaries', () => ({
  loadDictionary: async () => {
    throw new Error('ENOENT: index.dic');
  },
}));

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

it('checks house style, reports spelling as not checked and says why once', async () => {
  writeFileSync(join(tmp.dir, 'a.md'), '---\nlang: ko\n---\n# 회의 재개\n\n대퉁령은 몇일 만에 회의를 열었다.\n');
  writeFileSync(join(tmp.dir, 'b.md'), '---\nlang: ko\n---\n# 회의 재개\n\n회의가 다시 열렸다.\n');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, cwd: tmp.dir, home: tmp.dir, language: 'en' };
  expect(await runCli(['check', 'a.md', 'b.md', '--json'], io)).toBe(EXIT.partial);
  const doc = JSON.parse(stdout.join('\n')) as CheckFileJson[];
  expect(doc.map((f) => [f.file, f.findings.map((x) => x.ruleId), f.notChecked])).toEqual([
    ['a.md', ['spelling-myeochil'], ['spelling']],
    ['b.md', [], ['spelling']],
  ]);
  expect(stderr).toEqual(['copydesk: the Korean spelling dictionary could not be loaded (ENOENT: index.dic); spelling not checked for Korean copy']);
});
