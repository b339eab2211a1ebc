// The browser host in a process of its own (its CLI), for specs that kill the app outright.
import { spawn, type ChildProcess } from 'node:child_process';

export interface HostProcess {
  child: ChildProcess;
  /** The address it printed, with its token. */
  url: string;
  /** SIGKILL: no close handler, no flush; resolves once the process is gone. */
  kill(): Promise<void>;
}

export async function startHostProcess(libraryDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'host/cli.ts', '--library', libraryDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (m) ok(m[0]);
    });
    child.once('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)));
  });
  return {
    child,
    url,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGKILL');
      await gone;
    },
  };
}
