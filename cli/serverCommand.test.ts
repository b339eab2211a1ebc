// `copydesk server` through the CLI's own entry (runCli): its usage errors, the refusal of a
// folder another server holds, and a start that prints the address and the setup code, then
// stops cleanly on the signal.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, type CliIo } from './runCli';
import { openServer } from '../server/openServer';
import { pgliteStore, type TestStore } from '../server/testing/bothDatabases';

let store: TestStore;
beforeAll(async () => {
  store = await pgliteStore();
});
afterAll(() => store.dispose());

function io(signal?: AbortSignal): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), env: {}, cwd: store.dataDir, home: store.dataDir, language: 'en', signal };
}

it('refuses a bad port and unknown options with usage (exit 2)', async () => {
  const bad = io();
  expect(await runCli(['server', '--port', 'eighty'], bad)).toBe(2);
  expect(bad.errors.join('\n')).toContain('--port must be a whole number');
  const unknown = io();
  expect(await runCli(['server', '--library', 'x'], unknown)).toBe(2);
});

it('says another server holds the folder (exit 3)', async () => {
  const first = await openServer({ dataDir: store.dataDir, port: 0 });
  try {
    const second = io();
    expect(await runCli(['server', '--data', store.dataDir, '--port', '0'], second)).toBe(3);
    expect(second.errors.join('\n')).toContain('in use by another running server');
  } finally {
    await first.close();
  }
}, 60_000);

it('says so when the database cannot be reached (exit 3), and leaves the folder unlocked', async () => {
  const out = io();
  expect(await runCli(['server', '--data', store.dataDir, '--port', '0', '--database', 'postgres://nobody:secret@127.0.0.1:1/none'], out)).toBe(3);
  expect(out.errors.join('\n')).toContain('could not start');
  expect(out.errors.join('\n')).not.toContain('secret');
  const after = await openServer({ dataDir: store.dataDir, port: 0 });
  await after.close();
}, 60_000);

it('prints the setup code and the address, serves, and stops on the signal (exit 0)', async () => {
  const stop = new AbortController();
  const out = io(stop.signal);
  const running = runCli(['server', '--data', store.dataDir, '--port', '0'], out);
  const listening = () => out.lines.find((l) => l.startsWith('listening on ')) ?? '';
  // Waits for the line, and checks its whole shape once it is there.
  await expect.poll(listening, { timeout: 30_000 }).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
  const url = listening().slice('listening on '.length);
  expect(out.lines.join('\n')).toMatch(/setup code[^]*\n {2}[0-9A-F]{4}(-[0-9A-F]{4}){4}\n/);
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  stop.abort();
  expect(await running).toBe(0);
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
}, 60_000);
