// A PGlite server killed with SIGKILL while two people type in one live story: after each restart
// every edit a client saw acknowledged is in the story (its live document, and the article row
// once the document is stored), and clients reconnect and go on.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { ADMIN } from '../testing/testServer';
import { eventually, openCollab, type CollabClient } from '../testing/collabClient';
import { until } from '../testing/until';
import { postJson as post } from '../testing/postJson';

const ROOT = join(import.meta.dirname, '..', '..');
const KILLS = 3;
const EDITOR = { name: '데스크', role: 'editor', desk: '', email: '', bylineName: '데스크', bylineRole: '', active: true };

async function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string; setupCode: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/testing/serverChild.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) };
}

describe('a PGlite server killed with SIGKILL while two clients type in one story', () => {
  let store: TestStore;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await store.dispose();
  });

  it(`loses no acknowledged edit over ${KILLS} kills`, async () => {
    const tokens: Record<string, string> = {};
    let storyId = '';
    /** Every edit a client saw acknowledged, as the text it typed. */
    const acked: string[] = [];
    for (let round = 0; round <= KILLS; round++) {
      const { child, url, setupCode } = await startChild(store.dataDir);
      children.push(child);
      if (round === 0) {
        tokens.admin = (await post<{ token: string }>(`${url}/api/setup`, { code: setupCode, login: 'admin', password: 'admin password', person: ADMIN })).token;
        await post(`${url}/api/people/add`, { login: 'desk', password: 'desk password 1', person: EDITOR }, tokens.admin);
        tokens.desk = (await post<{ token: string }>(`${url}/api/login`, { login: 'desk', password: 'desk password 1' })).token;
        storyId = (await post<Article>(`${url}/api/call/createArticle`, {}, tokens.admin)).id;
      }
      const clients: CollabClient[] = [openCollab(url, storyId, tokens.admin), openCollab(url, storyId, tokens.desk)];
      await until(() => clients.every((c) => c.provider.isSynced), 30_000);
      // What was acknowledged before the last kill is all there, in the reloaded document.
      for (const edit of acked) expect(JSON.stringify(clients[0].body())).toContain(edit);
      if (round === KILLS) {
        for (const c of clients) c.destroy();
        // The document unloads and the article row gets the body.
        await eventually(async () => {
          const article = await post<Article>(`${url}/api/call/getArticle`, { id: storyId }, tokens.admin);
          return acked.every((edit) => JSON.stringify(article.body).includes(edit));
        }, 30_000);
        child.kill('SIGKILL');
        await once(child, 'exit');
        break;
      }
      let stopped = false;
      // Each client types an edit, waits for its acknowledgement, and types the next, until the kill.
      const typist = async (c: CollabClient, who: number) => {
        for (let n = 1; !stopped; n++) {
          const edit = `[r${round}c${who}e${n}]`;
          c.type(edit);
          await until(() => stopped || c.provider.unsyncedChanges === 0, 30_000);
          if (c.provider.unsyncedChanges === 0) acked.push(edit);
        }
      };
      const running = clients.map((c, who) => typist(c, who));
      // Killed after a random number of acknowledged edits, not a random time.
      const target = acked.length + 5 + Math.floor(Math.random() * 20);
      const giveUp = Date.now() + 30_000;
      while (acked.length < target && Date.now() < giveUp) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await once(child, 'exit');
      stopped = true;
      await Promise.all(running);
      for (const c of clients) c.destroy();
    }
    console.info(`${acked.length} acknowledged edits over ${KILLS} kills, all stored`);
    expect(acked.length).toBeGreaterThanOrEqual(KILLS * 5);
  }, 240_000);
});
