// One of two instances killed with SIGKILL while four clients type in one story, through a
// round-robin proxy of the test's own and through Debian's nginx with the README's configuration:
// the clients of the dead one reconnect to the other by themselves, and at the end every client's
// document is the same, equal to what PostgreSQL holds, and holds every edit a client saw
// acknowledged, once. Through nginx, the live channel also hears what either instance commits.
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
import { nginxMissing, startTestNginx } from '../testing/testNginx';
import { openLive } from '../testing/liveClient';
import { ADMIN } from '../testing/testServer';
import { until } from '../testing/until';
import { postJson as post } from '../testing/postJson';

const ROOT = join(import.meta.dirname, '..', '..');
const EDITOR = { name: '데스크', role: 'editor', desk: '', email: '', bylineName: '데스크', bylineRole: '', active: true };

const redis = await startTestRedis();
/** Each run gets a fresh database (a newsroom with nobody yet: the first instance prints a setup code). */
const databases: ThrowawayDatabase[] = [];
const firstDb = 'skip' in redis ? redis : await throwawayDatabase();
if (!('skip' in firstDb)) databases.push(firstDb);

async function startChild(dataDir: string, databaseUrl: string): Promise<{ child: ChildProcess; url: string; setupCode: string | null }> {
  const options = { databaseUrl, redis: (redis as TestRedis).url };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/testing/serverChild.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, COPYDESK_CHILD_OPTIONS: JSON.stringify(options) } });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) };
}

describe.skipIf('skip' in firstDb)('one of two instances killed with SIGKILL while four clients type in one story', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const allClients: CollabClient[] = [];
  afterAll(async () => {
    for (const c of allClients) c.destroy();
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await (redis as TestRedis).stop?.();
    for (const db of databases) await db.drop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const run = async (via: 'proxy' | 'nginx') => {
    const db = databases.length === 1 && via === 'proxy' ? databases[0] : await throwawayDatabase();
    if ('skip' in db) throw new Error(db.skip);
    if (!databases.includes(db)) databases.push(db);
    const mine: string[] = [];
    for (let i = 0; i < 2; i++) mine.push(await mkdtemp(join(tmpdir(), `copydesk-instance-${i}-`)));
    dirs.push(...mine);
    const a = await startChild(mine[0], db.url);
    children.push(a.child);
    const tokens: Record<string, string> = {};
    tokens.admin = (await post<{ token: string }>(`${a.url}/api/setup`, { code: a.setupCode, login: 'admin', password: 'admin password', person: ADMIN })).token;
    await post(`${a.url}/api/people/add`, { login: 'desk', password: 'desk password 1', person: EDITOR }, tokens.admin);
    tokens.desk = (await post<{ token: string }>(`${a.url}/api/login`, { login: 'desk', password: 'desk password 1' })).token;
    const storyId = (await post<Article>(`${a.url}/api/call/createArticle`, {}, tokens.admin)).id;
    const b = await startChild(mine[1], db.url);
    children.push(b.child);
    const ours = via === 'proxy' ? await roundRobinProxy([a.url, b.url]) : null;
    const nginx = via === 'nginx' ? await startTestNginx([a.url, b.url]) : null;
    const front = (ours ?? nginx!) as { url: string; close?: () => Promise<void>; stop?: () => Promise<void> };
    const clients: CollabClient[] = [];
    try {
      if (nginx) {
        // The live channel through nginx (unbuffered) hears a story committed on either instance.
        const live = await openLive(front.url, tokens.desk);
        const made = [await post<Article>(`${a.url}/api/call/createArticle`, {}, tokens.admin), await post<Article>(`${b.url}/api/call/createArticle`, {}, tokens.admin)];
        for (const story of made) await live.next((e) => e.type === 'article' && e.summary.id === story.id, 5000);
        live.close();
      }
      for (let i = 0; i < 4; i++) {
        clients.push(openCollab(front.url, storyId, i % 2 ? tokens.desk : tokens.admin));
        allClients.push(clients[i]);
        await until(() => clients[i].provider.isSynced, 15_000);
      }
      // Two clients on each instance (nginx's round robin, like ours, alternates).
      if (ours) expect([...ours.routed].sort()).toEqual([0, 0, 1, 1]);
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
      await until(() => cut().length === 2 && cut().every((c) => c.provider.isSynced), 30_000);
      const reconnectMs = performance.now() - killedAt;
      await until(() => acked.length >= before + 20, 30_000);
      stopped = true;
      await Promise.all(running);
      await until(() => clients.every((c) => c.provider.unsyncedChanges === 0 && JSON.stringify(c.body()) === JSON.stringify(clients[0].body())), 30_000);
      console.info(`[${via}] killed after ${before} acknowledged edits; clients back and synced ${reconnectMs.toFixed(0)} ms after the kill; ${acked.length} acknowledged edits in all`);
      // What PostgreSQL holds (the open epoch's rows) is every client's document.
      const stored = new Y.Doc();
      const rows = await fetchRows(db.url, storyId);
      for (const update of rows) Y.applyUpdate(stored, update);
      const storedText = JSON.stringify(readBody(stored));
      expect(storedText).toBe(JSON.stringify(clients[0].body()));
      for (const edit of acked) {
        expect(storedText.split(edit)).toHaveLength(2);
        for (const c of clients) expect(JSON.stringify(c.body())).toContain(edit);
      }
    } finally {
      for (const c of clients) c.destroy();
      await (front.close ?? front.stop)?.();
    }
  };

  it('reconnects the dead instance’s clients to the other through a round-robin proxy and loses no acknowledged edit', () => run('proxy'), 120_000);
  it.skipIf(nginxMissing() !== null)('does the same behind nginx configured as the README says', () => run('nginx'), 120_000);
});

async function fetchRows(url: string, articleId: string): Promise<Uint8Array[]> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ update: Buffer }>('SELECT u.update FROM collab_updates u JOIN collab_epochs e USING (article_id, epoch) WHERE u.article_id = $1 AND NOT e.closed ORDER BY u.seq', [articleId]);
    return rows.map((r) => new Uint8Array(r.update));
  } finally {
    await client.end();
  }
}
