// The `copydesk` command, run in-process for most cases and once as a real process through its bin.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, runCli, type CliIo } from './runCli';
import { tempDir } from '../core/testing/tempLibrary';
import { ARTICLES as FIXTURES } from '../testing/fixturePaths';
const ROOT = join(__dirname, '..');

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

function io(language: 'ko' | 'en' = 'en'): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, cwd: tmp.dir, home: tmp.dir, language };
}

describe('copydesk import', () => {
  it('makes no admin for a library that had people and lost its people file', async () => {
    const lib = join(tmp.dir, 'lib');
    const file = join(tmp.dir, 'story.md');
    writeFileSync(file, '# 제목\n\n본문입니다.\n');
    expect(await runCli(['import', file, '--library', lib], io())).toBe(EXIT.ok); // a new library: an admin is made for it
    rmSync(join(lib, 'people.json'));
    rmSync(join(lib, 'people.json.bak'), { force: true });
    const t = io();
    expect(await runCli(['import', file, '--library', lib], t)).toBe(EXIT.usage);
    expect(t.stderr.join('\n')).toContain('people.json');
    expect(readdirSync(join(lib, 'articles')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('--dry-run --summary prints exactly the fixtures\' expected shape and saves nothing', async () => {
    for (const name of ['web-copy-ko', 'web-copy-en']) {
      const t = io();
      expect(await runCli(['import', join(FIXTURES, `${name}.txt`), '--dry-run', '--summary', '--library', join(tmp.dir, 'lib')], t)).toBe(EXIT.ok);
      expect(JSON.parse(t.stdout.join('\n'))).toEqual(JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')));
    }
    expect(readdirSync(tmp.dir)).not.toContain('lib');
  });

  it('creates articles, prints their ids, and exports one of them by id', async () => {
    const lib = join(tmp.dir, 'lib');
    const t = io();
    expect(await runCli(['import', join(FIXTURES, 'web-copy-ko.txt'), join(FIXTURES, 'web-copy-en.txt'), '--library', lib], t)).toBe(EXIT.ok);
    expect(t.stdout).toHaveLength(2);
    expect(t.stdout[0]).toMatch(/^[0-9a-f-]{36}$/);

    const e = io();
    const out = join(tmp.dir, 'out');
    expect(await runCli(['export', t.stdout[1], '--format', 'text,nitf', '--out', out, '--library', lib, '--json'], e)).toBe(EXIT.ok);
    const result = JSON.parse(e.stdout[0]) as { folder: string; files: string[]; error: unknown };
    expect(result.error).toBeNull();
    expect(result.files).toEqual(expect.arrayContaining(['article.txt', 'article.nitf.xml']));
    const text = readFileSync(join(result.folder, 'article.txt'), 'utf8');
    expect(text).toContain('Harbour brewery turns spent grain into ferry fuel');
  });

  it('converts a file given to export without keeping it anywhere', async () => {
    const t = io();
    const out = join(tmp.dir, 'converted');
    expect(await runCli(['export', join(FIXTURES, 'web-copy-en.txt'), '--format', 'md', '--out', out, '--library', join(tmp.dir, 'lib')], t)).toBe(EXIT.ok);
    const [folder] = readdirSync(out);
    expect(readFileSync(join(out, folder, 'article.md'), 'utf8')).toContain('Harbour brewery turns spent grain');
  });

  it('reports a bad file with its reason and exit code 1, in the terminal\'s language, and imports the good ones', async () => {
    const bad = join(tmp.dir, 'memo.docx');
    writeFileSync(bad, 'not a word file');
    const t = io('ko');
    expect(await runCli(['import', bad, join(FIXTURES, 'web-copy-ko.txt'), '--library', join(tmp.dir, 'lib')], t)).toBe(EXIT.partial);
    expect(t.stderr.join('\n')).toContain('memo.docx: 이름은 .docx지만 Word 문서가 아닙니다');
    expect(t.stdout).toHaveLength(1);
  });

  it('refuses bad usage with exit code 2 and documents itself with --help', async () => {
    const t = io();
    expect(await runCli(['export', 'abc'], t)).toBe(EXIT.usage);
    expect(t.stderr.join('\n')).toContain('--format is required');
    expect(await runCli(['export', 'abcdefgh', '--format', 'rtf'], t)).toBe(EXIT.usage);
    expect(t.stderr.join('\n')).toContain('unknown format "rtf"');
    expect(await runCli(['publish', 'x'], t)).toBe(EXIT.usage);
    expect(await runCli(['import', 'x', '--summary'], t)).toBe(EXIT.usage);
    const h = io();
    expect(await runCli(['--help'], h)).toBe(EXIT.ok);
    expect(h.stdout.join('\n')).toMatch(/copydesk import FILE…[\s\S]*--dry-run --summary[\s\S]*Exit codes/);
  });
});

describe('the copydesk bin', () => {
  it('runs as a command: --help exits 0, a missing file exits 1', async () => {
    const run = promisify(execFile);
    const help = await run(process.execPath, [join(ROOT, 'bin/copydesk.mjs'), '--help'], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
    expect(help.stdout).toContain('copydesk export ID|FILE…');
    const missing = await run(process.execPath, [join(ROOT, 'bin/copydesk.mjs'), 'import', join(tmp.dir, 'nope.txt'), '--dry-run'], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } }).catch((e: { code: number; stderr: string }) => e);
    expect((missing as { code: number }).code).toBe(EXIT.partial);
  }, 60_000);
});
