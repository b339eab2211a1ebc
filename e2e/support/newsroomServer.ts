// The e2e suite's newsroom server: started in a child process (newsroomServerChild.ts says why),
// with its first admin and the given people, and a plain HTTP client for the server's own API.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface NewsroomPerson {
  name: string;
  role: 'reporter' | 'editor' | 'admin';
  desk?: string;
  bylineRole?: string;
}

export interface NewsroomServer {
  url: string;
  /** The first admin's session token (made with the setup code); empty on a fresh server. */
  adminToken: string;
  /** A fresh server's one-time setup code (nobody has an account yet). */
  setupCode?: string;
  /** By login: each person's id, and a session token of theirs (signed in by the test, not by the app). */
  ids: Record<string, string>;
  tokens: Record<string, string>;
  /** One request to the server's API with `token`; the envelope's status and body. */
  call(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; params: Record<string, unknown> } } }>;
  stop(): Promise<void>;
  /** SIGKILL: the server dies mid-write, as in a power cut; resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface NewsroomServerPlace {
  /** The PGlite data folder (the test's: kept on stop, for a restart on the same data). */
  dataDir?: string;
  /** A fixed port (0 or none: any free one), so clients find a restarted server where they left it. */
  port?: number;
}

/**
 * A server on a fresh store, or why that store is not on this machine. People sign in with
 * `<login> password 1`. `fresh`: nobody is set up; the server's setup code is handed back.
 */
export async function startNewsroomServer(kind: 'pglite' | 'postgres', people: [string, NewsroomPerson][] | 'fresh', place: NewsroomServerPlace = {}): Promise<NewsroomServer | { skip: string }> {
  return spawnServer(kind, people === 'fresh' ? 'fresh' : JSON.stringify(people), place);
}

/**
 * The same newsroom again, after `previous` was stopped or killed: its data folder opened as it is
 * (nobody set up again), on its port. The ids and sessions are the ones stored there.
 */
export async function restartNewsroomServer(previous: NewsroomServer, place: Required<NewsroomServerPlace>): Promise<NewsroomServer> {
  const again = await spawnServer('pglite', 'reopen', place);
  if ('skip' in again) throw new Error(`restarting the newsroom server: ${again.skip}`);
  return { ...again, adminToken: previous.adminToken, setupCode: undefined, ids: previous.ids, tokens: previous.tokens };
}

async function spawnServer(kind: 'pglite' | 'postgres', people: string, place: NewsroomServerPlace): Promise<NewsroomServer | { skip: string }> {
  const args = [kind, people, place.dataDir ?? '', String(place.port ?? 0)];
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/support/newsroomServerChild.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const line = await Promise.race([once(createInterface({ input: child.stdout }), 'line').then(([l]) => l as string), exited.then(([code]) => Promise.reject(new Error(`the newsroom server exited (${String(code)}) before it was ready`)))]);
  const ready = JSON.parse(line) as { skip: string } | { url: string; adminToken: string; setupCode?: string; ids: Record<string, string>; tokens: Record<string, string> };
  if ('skip' in ready) return ready;
  return {
    ...ready,
    async call(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${ready.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as never };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
