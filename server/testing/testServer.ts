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

export interface TestPerson {
  name: string;
  role: string;
  desk?: string;
  email?: string;
  bylineName?: string;
  bylineRole?: string;
}

/** The admin adds each person with the password `<login> password 1`; each signs in. Their ids and tokens by login. */
export async function addPeople(server: TestServer, adminToken: string, people: readonly (readonly [string, TestPerson])[]): Promise<{ ids: Record<string, string>; tokens: Record<string, string> }> {
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const [login, p] of people) {
    const person = { desk: '', email: '', bylineName: p.name, bylineRole: '', active: true, ...p };
    const added = await server.call('POST', '/api/people/add', { login, password: `${login} password 1`, person }, adminToken);
    if (added.status !== 200) throw new Error(`adding ${login} failed: ${JSON.stringify(added.body.error)}`);
    ids[login] = (added.body.value as { id: string }).id;
    tokens[login] = ((await server.call('POST', '/api/login', { login, password: `${login} password 1` })).body.value as { token: string }).token;
  }
  return { ids, tokens };
}

/** The small newsroom most server tests use: two reporters (kim, lee) and an editor (park). */
export const DESK_OF_THREE: readonly (readonly [string, TestPerson])[] = [
  ['kim', { name: '김하늘', role: 'reporter', desk: '사회부', email: '김하늘@example.org', bylineRole: '기자' }],
  ['lee', { name: '이바다', role: 'reporter', desk: '사회부', email: '이바다@example.org', bylineRole: '기자' }],
  ['park', { name: '박데스크', role: 'editor', desk: '사회부', email: '박데스크@example.org' }],
];

/** A new server's admin and DESK_OF_THREE: fills `tokens` (the admin's too) and `ids` by login. */
export async function staffDeskOfThree(server: TestServer, tokens: Record<string, string>, ids: Record<string, string>): Promise<void> {
  tokens.admin = await setUpAdmin(server);
  const added = await addPeople(server, tokens.admin, DESK_OF_THREE);
  Object.assign(ids, added.ids);
  Object.assign(tokens, added.tokens);
}
