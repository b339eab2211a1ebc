// One of two instances killed with SIGKILL while four clients type in one story through a
// round-robin proxy (nginx's upstream in miniature): the clients of the dead one reconnect to the
// other by themselves, and at the end every client's document is the same, equal to what
// PostgreSQL holds, and holds every edit a client saw acknowledged, once.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Article } from '../../shared/model/article';
import { readBody } from '../../shared/live/bodyFragment';
import { openCollab, type CollabClient } from '../testing/collabClient';
import { throwawayDatabase, type ThrowawayDatabase } from '../testing/realPostgres';
import { roundRobinProxy } from '../testing/roundRobinProxy';
import { startTestRedis, type TestRedis } from '../testing/testRedis';
import { ADMIN } from '../testing/testServer';
import { until } from '../testing/until';

const ROOT = join(import.meta.dirname, '..', '..');
const EDITOR = { name: '데스크', role: 'editor', desk: '', email: '', bylineName: '데스크', bylineRole: '', active: true };

const redis = await startTestRedis();
const db = 'skip' in redis ? redis : await throwawayDatabase();

async function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string; setupCode: string | null }> {
  const options = { databaseUrl: (db as ThrowawayDatabase).url, redis: (redis as TestRedis).url };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/testing/serverChild.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, COPYDESK_CHILD_OPTIONS: JSON.stringify(options) } });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) };
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const answer = (await res.json()) as { value: T };
  if (res.status !== 200) throw new Error(`${url}: ${JSON.stringify(answer)}`);
  return answer.value;
}

describe.skipIf('skip' in db)('one of two instances killed with SIGKILL while four clients type in one story', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const clients: CollabClient[] = [];
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await (redis as TestRedis).stop?.();
    await (db as ThrowawayDatabase).drop?.();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('reconnects the dead instance’s clients to the other and loses no acknowledged edit', async () => {
    for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(join(tmpdir(), `copydesk-instance-${i}-`)));
    const a = await startChild(dirs[0]);
    children.push(a.child);
    const tokens: Record<string, string> = {};
    tokens.admin = (await post<{ token: string }>(`${a.url}/api/setup`, { code: a.setupCode, login: 'admin', password: 'admin password', person: ADMIN })).token;
    await post(`${a.url}/api/people/add`, { login: 'desk', password: 'desk password 1', person: EDITOR }, tokens.admin);
    tokens.desk = (await post<{ token: string }>(`${a.url}/api/login`, { login: 'desk', password: 'desk password 1' })).token;
    const storyId = (await post<Article>(`${a.url}/api/call/createArticle`, {}, tokens.admin)).id;
    const b = await startChild(dirs[1]);
    children.push(b.child);
    const proxy = await roundRobinProxy([a.url, b.url]);
    try {
      for (let i = 0; i < 4; i++) {
        clients.push(openCollab(proxy.url, storyId, i % 2 ? tokens.desk : tokens.admin));
        await until(() => clients[i].provider.isSynced, 15_000);
      }
      // Two clients on each instance.
      expect([...proxy.routed].sort()).toEqual([0, 0, 1, 1]);
      const acked: string[] = [];
      let stopped = false;
      // Each client types an edit, waits for its acknowledgement, and types the next, until stopped.
      const typist = async (c: CollabClient, who: number) => {
        for (let n = 1; !stopped; n++) {
          const edit = `[c${who}e${n}]`;
          c.type(edit);
          await until(() => stopped || c.provider.unsyncedChanges === 0, 30_000);
          if (c.provider.unsyncedChanges === 0) acked.push(edit);
        }
      };
      const running = clients.map((c, who) => typist(c, who));
      // Killed after a random number of acknowledged edits, not at a random time.
      const target = 10 + Math.floor(Math.random() * 30);
      await until(() => acked.length >= target, 30_000);
      const closesBefore = clients.map((c) => c.closes);
      b.child.kill('SIGKILL');
      const killedAt = performance.now();
      await once(b.child, 'exit');
      // Typing goes on: the dead instance's clients come back through the proxy to the live one.
      const before = acked.length;
      // The dead instance's two clients saw their socket close, reconnected and synced again.
      const cut = () => clients.filter((c, i) => c.closes > closesBefore[i]);
      await until(() => proxy.routed.length >= 6 && cut().length === 2 && cut().every((c) => c.provider.isSynced), 30_000);
      const reconnectMs = performance.now() - killedAt;
      await until(() => acked.length >= before + 20, 30_000);
      stopped = true;
      await Promise.all(running);
      await until(() => clients.every((c) => c.provider.unsyncedChanges === 0 && JSON.stringify(c.body()) === JSON.stringify(clients[0].body())), 30_000);
      console.info(`killed after ${before} acknowledged edits; clients back and synced ${reconnectMs.toFixed(0)} ms after the kill; ${acked.length} acknowledged edits in all`);
      // What PostgreSQL holds (the open epoch's rows) is every client's document.
      const stored = new Y.Doc();
      const rows = await fetchRows(storyId);
      for (const update of rows) Y.applyUpdate(stored, update);
      const storedText = JSON.stringify(readBody(stored));
      expect(storedText).toBe(JSON.stringify(clients[0].body()));
      for (const edit of acked) {
        expect(storedText.split(edit)).toHaveLength(2);
        for (const c of clients) expect(JSON.stringify(c.body())).toContain(edit);
      }
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

async function fetchRows(articleId: string): Promise<Uint8Array[]> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: (db as ThrowawayDatabase).url });
  await client.connect();
  try {
    const { rows } = await client.query<{ update: Buffer }>('SELECT u.update FROM collab_updates u JOIN collab_epochs e USING (article_id, epoch) WHERE u.article_id = $1 AND NOT e.closed ORDER BY u.seq', [articleId]);
    return rows.map((r) => new Uint8Array(r.update));
  } finally {
    await client.end();
  }
}
