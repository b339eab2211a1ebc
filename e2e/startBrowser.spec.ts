// `npm run start:browser` ends with the address: the person reads the last line of the terminal.
// The CLI runs as its own process; the test waits for it to exit after Ctrl+C (SIGINT) and then
// reads everything it printed, so nothing depends on timing.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { CORE_V8_FLAGS } from '../core/coreV8Flags';

test('the browser host prints its address as its last line, and start:browser builds quietly', async ({ host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'the browser host CLI is the same in both projects: checked once, in the browser project');
  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-cli-'));
  try {
    const child = spawn(process.execPath, [...CORE_V8_FLAGS, '--import', 'tsx', 'host/cli.ts', '--library', libraryDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
    let out = '';
    const exited = new Promise<number | null>((ok) => child.once('exit', ok));
    await new Promise<void>((ok, fail) => {
      child.stdout!.on('data', (d) => {
        out += d;
        if (/http:\/\/127\.0\.0\.1:\d+\/\S*/.test(out)) ok();
      });
      void exited.then((code) => fail(new Error(`host exited with ${code}: ${out}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const lines = out.split('\n').filter((l) => l.trim() !== '');
    const url = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out)![0];
    expect(lines.at(-1)).toBe(`Copydesk is running: ${url}`);
    expect(out).toContain(`Library: ${libraryDir}`);
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
  // The build before it says only warnings (electron-vite's --logLevel), so the address is not lost above ~500 lines.
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
  // The host holds the core, so it starts with the core's V8 flags (core/coreV8Flags.ts).
  expect(pkg.scripts['start:browser']).toBe(`electron-vite build --logLevel warn && node ${CORE_V8_FLAGS.join(' ')} --import tsx host/cli.ts`);
});
