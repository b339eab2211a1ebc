// What the issue promises a newsroom: the published package installed without devDependencies
// (so without tsx or any TypeScript loader) runs `npx copydesk server`. The package's files are
// built and laid out as npm would pack them, installed with `npm ci --omit=dev` from the warm
// npm cache, started on a free port, and asked for /healthz; `copydesk check` spells a file there.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { version } from '../package.json';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('runs `npx copydesk server` after `npm ci --omit=dev`, as built JavaScript', async () => {
  // The files the package publishes, built by its prepack step, plus the lockfile `npm ci` installs from.
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, timeout: 60_000 });
  const packed = (JSON.parse(stdout.slice(stdout.indexOf('['))) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  expect(packed).toEqual(expect.arrayContaining(['package.json', 'bin/copydesk.mjs', 'out/cli/copydesk.mjs', 'out/cli/searchWorker.mjs']));
  dir = await mkdtemp(join(tmpdir(), 'copydesk-installed-'));
  for (const file of [...packed, 'package-lock.json']) await cp(join(ROOT, file), join(dir, file), { recursive: true });
  await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeout: 120_000 });
  // No TypeScript loader was installed: what runs is the build.
  expect(await stat(join(dir, 'node_modules/tsx')).then(() => true, () => false)).toBe(false);

  // `copydesk check` spells with the installed dictionaries: dictionary-ko reads its files beside
  // itself, so the bundle must import it, not inline it. 대퉁령은 is flagged with its correction (exit 1).
  await writeFile(join(dir, 'story.md'), '---\nlang: ko\n---\n# 회의 재개\n\n대퉁령은 회의를 다시 열었다.\n');
  const checked = await run(process.execPath, [join(dir, 'bin/copydesk.mjs'), 'check', 'story.md'], { cwd: dir, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' }, timeout: 120_000 }).catch(
    (e: { code: number; stdout: string }) => e,
  );
  expect([(checked as { code?: number }).code, checked.stdout.trim()]).toEqual([1, expect.stringMatching(/^story\.md:body 1:0 \[spelling\] 대퉁령은 → 대통령은 — /)]);

  // npx links the folder's own package into its cache: a cache of the test's own, so none is left behind.
  // Its own process group, so stopping it stops npx and the server under it.
  const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', npm_config_cache: join(dir, '.npx-cache') };
  const server = spawn('npx', ['copydesk', 'server', '--port', '0', '--data', './newsroom'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], env, detached: true });
  try {
    let url = '';
    const deadline = setTimeout(() => process.kill(-server.pid!, 'SIGKILL'), 90_000);
    for await (const line of createInterface({ input: server.stdout! })) {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match) {
        url = match[1];
        break;
      }
    }
    clearTimeout(deadline);
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', version }]);
    expect((await fetch(`${url}/api/people`)).status).toBe(401);
    expect(await stat(join(dir, 'newsroom/pglite')).then((s) => s.isDirectory())).toBe(true);
  } finally {
    const exited = once(server, 'exit');
    process.kill(-server.pid!, 'SIGTERM');
    await exited;
  }
}, 240_000);
