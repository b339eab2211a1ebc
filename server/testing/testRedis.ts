// A Redis of the test's own: Debian's redis-server started on a free loopback port with its files
// in a temp folder (never the system service), stopped by `stop`. Where the binary is missing the
// caller skips, saying why; in CI (CI=true, where .ci/run installs it) that fails the run instead.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';

export interface TestRedis {
  url: string;
  /** Killed (SIGKILL) until `start`: the fault tests' Redis going away mid-edit. */
  kill(): Promise<void>;
  /** Started again on the same port (an empty Redis, as after a restart without persistence). */
  start(): Promise<void>;
  stop(): Promise<void>;
}


/** A running redis-server, or the reason there is none (printed; fatal in CI). */
export async function startTestRedis(): Promise<TestRedis | { skip: string }> {
  if (spawnSync('redis-server', ['--version']).error) {
    const why = 'redis-server is not installed (Debian: apt-get install redis-server)';
    if (process.env.CI) throw new Error(`the instance tests need Redis: ${why}`);
    console.warn(`skipping the several-instance tests: ${why}`);
    return { skip: why };
  }
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-redis-'));
  // A port taken between the probe and the start (another test file) is tried again.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    let child = await launch(port, dir);
    if (typeof child === 'string') {
      if (attempt >= 3) throw new Error(`redis-server did not start: ${child}`);
      continue;
    }
    const kill = async () => {
      // A child killed before has a signalCode and no exitCode: it is not waited for again.
      if ((child as ChildProcess).exitCode === null && (child as ChildProcess).signalCode === null) {
        (child as ChildProcess).kill('SIGKILL');
        await once(child as ChildProcess, 'exit');
      }
    };
    return {
      url: `redis://127.0.0.1:${port}`,
      kill,
      async start() {
        await kill();
        // The port was just ours; a moment may pass before the kernel lets it be bound again.
        for (let tries = 0; ; tries++) {
          const again = await launch(port, dir);
          if (typeof again !== 'string') return void (child = again);
          if (tries >= 20) throw new Error(`redis-server did not start again on ${port}: ${again}`);
          await new Promise((r) => setTimeout(r, 250));
        }
      },
      async stop() {
        await kill();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}

/** redis-server on `port`, once it accepts connections; else the end of what it printed. */
async function launch(port: number, dir: string): Promise<ChildProcess | string> {
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (ready) return child;
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  return out.slice(-500) || 'no output';
}
