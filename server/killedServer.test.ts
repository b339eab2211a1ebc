// PGlite may acknowledge a commit before its data is on disk (pglite#1065), so this kills a real
// server process with SIGKILL while it acknowledges writes, a bounded number of times at random
// moments, and checks after each restart that every acknowledged write is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServer } from './openServer';
import { pgliteStore, type TestStore } from './testing/bothDatabases';
import { ADMIN } from './testing/testServer';

const ROOT = join(import.meta.dirname, '..');
const KILLS = 5;
const REPORTER = { name: '기자', role: 'reporter', desk: '', email: '', bylineName: '기자', bylineRole: '기자', active: true };

async function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string; setupCode: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/testing/serverChild.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) };
}

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { value: { token: string; login: string } } };
}

describe('a PGlite server killed with SIGKILL while writing', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(() => store.dispose());

  it(`loses no acknowledged write over ${KILLS} kills`, async () => {
    const WRITERS = 3;
    const people: { id: string; login: string }[] = [];
    /** Per writer, the last sequence number the server acknowledged. */
    const acked = new Array<number>(WRITERS).fill(0);
    let writes = 0;
    let token = '';
    for (let round = 0; round < KILLS; round++) {
      const { child, url, setupCode } = await startChild(store.dataDir);
      if (round === 0) {
        // Another process on the same folder is refused while this one runs.
        await expect(openServer({ dataDir: store.dataDir, port: 0 })).rejects.toMatchObject({ params: { reason: 'libraryLocked' } });
        token = (await post(`${url}/api/setup`, { code: setupCode, login: 'admin', password: 'admin password', person: ADMIN })).body.value.token;
        for (let w = 0; w < WRITERS; w++) people.push((await post(`${url}/api/people/add`, { login: `writer${w}`, password: 'reporter password', person: REPORTER }, token)).body.value as never);
      }
      if (round > 0) {
        // After each restart, through the restarted server: every writer's last acknowledged number is there.
        const listed = (await (await fetch(`${url}/api/people`, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: { id: string; desk: string }[] };
        people.forEach((p, w) => expect([acked[w], acked[w] + 1]).toContain(Number(listed.value.find((x) => x.id === p.id)?.desk ?? -1)));
        // A write in flight at the kill may have committed: the next number goes on from what is stored.
        people.forEach((p, w) => (acked[w] = Number(listed.value.find((x) => x.id === p.id)!.desk)));
      }
      // Each writer rewrites its own person's desk with its next number until the kill; a 200 is an acknowledged write.
      const writer = async (w: number) => {
        for (;;) {
          const seq = acked[w] + 1;
          const answer = await post(`${url}/api/people/update`, { person: { ...REPORTER, id: people[w].id, desk: String(seq) } }, token).catch(() => null);
          if (!answer) return;
          expect(answer.status).toBe(200);
          acked[w] = seq;
          writes++;
        }
      };
      const running = people.map((_, w) => writer(w));
      // Killed after a random number of acknowledged writes (not a random time: on a loaded machine
      // a time could pass with none), while the other writers still have writes in flight.
      const target = writes + 5 + Math.floor(Math.random() * 25);
      const giveUp = Date.now() + 30_000;
      while (writes < target && Date.now() < giveUp) await new Promise((r) => setTimeout(r, 2));
      child.kill('SIGKILL');
      await once(child, 'exit');
      await Promise.all(running);
    }
    // Reopened in this process (the killed server's lock is taken over): every acknowledged write is there
    // (a write in flight at the kill may be there too, one further).
    const server = await openServer({ dataDir: store.dataDir, port: 0 });
    const rows = await server.db.query<{ id: string; desk: string }>('SELECT id, desk FROM people');
    await server.close();
    const stored = people.map((p) => Number(rows.find((r) => r.id === p.id)?.desk ?? -1));
    console.info(`${writes} acknowledged writes over ${KILLS} kills; last acknowledged ${acked.join(', ')}, stored ${stored.join(', ')}`);
    expect(writes).toBeGreaterThanOrEqual(KILLS * 5);
    stored.forEach((value, w) => expect([acked[w], acked[w] + 1]).toContain(value));
  }, 180_000);
});
