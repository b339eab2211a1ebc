// A server on a test store (PGlite copy or throwaway PostgreSQL) and a small client for it.
import { openServer, type ServerHandle, type ServerOptions } from '../openServer';
import type { TestStore } from './bothDatabases';

export interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string; params: Record<string, string | number> } } & Record<string, unknown>;
  headers: Headers;
}

export interface TestServer extends ServerHandle {
  call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, token?: string | null): Promise<Answer>;
}

export async function startTestServer(store: TestStore, extra: Partial<ServerOptions> = {}): Promise<TestServer> {
  const server = await openServer({ dataDir: store.dataDir, databaseUrl: store.url ?? undefined, port: 0, ...extra });
  return {
    ...server,
    async call(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Answer['body'], headers: res.headers };
    },
  };
}

export const ADMIN = { name: '관리자', desk: '', email: 'admin@example.org', bylineName: '관리자', bylineRole: '' };

/** Makes the first admin with the printed code; returns the admin's token. */
export async function setUpAdmin(server: TestServer, password = 'admin password'): Promise<string> {
  const answer = await server.call('POST', '/api/setup', { code: server.setupCode, login: 'admin', password, person: ADMIN });
  if (answer.status !== 200) throw new Error(`setup failed: ${JSON.stringify(answer.body)}`);
  return (answer.body.value as { token: string }).token;
}
