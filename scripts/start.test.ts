// `npm start` either opens Electron (here: a stand-in binary that records how it was called) or,
// where no runtime can be had, explains in one paragraph what to do instead and exits non-zero.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electronBinary';
import { CORE_V8_FLAGS } from '../core/coreV8Flags';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function temp() {
  const d = await mkdtemp(join(tmpdir(), 'copydesk-start-'));
  dirs.push(d);
  return d;
}
function start(env: NodeJS.ProcessEnv, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'start.ts'), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
}

describe('npm start', () => {
  it('points to the browser mode in one paragraph when no Electron runtime exists', async () => {
    const empty = await temp();
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: empty, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' });
    expect(run.status).toBe(1);
    const paragraphs = run.stderr.trim().split(/\n\s*\n/);
    expect(paragraphs).toHaveLength(1);
    expect(run.stderr).toContain('npm run start:browser');
    expect(run.stderr).toContain('Your library is untouched');
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('says it in Korean on a Korean terminal', async () => {
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: await temp(), LC_ALL: '', LC_MESSAGES: '', LANG: 'ko_KR.UTF-8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('기사 보관함은 그대로입니다');
    expect(run.stderr).toContain('npm run start:browser');
  });

  it('builds the app and runs the Electron binary on the project with the given options', async () => {
    const dist = await temp();
    const record = join(dist, 'called.txt');
    const bin = join(dist, 'electron'); // the name path.txt gives on Linux
    await writeFile(bin, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
    await chmod(bin, 0o755);
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: dist }, ['--library', '/tmp/copydesk-start-lib']);
    expect(run.stderr).not.toContain('cannot open');
    expect(run.status).toBe(0);
    // The core runs in Electron's main process, so its V8 flags go first on Electron's command line.
    expect((await readFile(record, 'utf8')).trim().split('\n')).toEqual([`--js-flags=${CORE_V8_FLAGS.join(' ')}`, root, '--library', '/tmp/copydesk-start-lib']);
    await readFile(join(root, 'out', 'main', 'main.js')); // built before launching
  }, 120_000);
});

describe('findElectronBinary', () => {
  it('reports a missing package, a missing download and a wrong override apart', async () => {
    const project = await temp();
    expect(findElectronBinary(project, {})).toMatchObject({ found: false, reason: expect.stringContaining('npm install') });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: project })).toMatchObject({ found: false, overridden: true });
  });
});
