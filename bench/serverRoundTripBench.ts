// The newsroom server from the app's side: a save's round trip (the core's client → HTTP → the
// server's transaction on PostgreSQL → answer) against the desktop's local save of the same story
// in the same run, and the queue update: a step taken by the reporter until the desk's client
// hears it on the live channel (target p95 ≤ 1 s). On the real PostgreSQL where one is reachable
// (CI starts one), else on the embedded PGlite, and the lines say which.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../core/createCore';
import { addPerson } from '../core/testing/people';
import { NewsroomClient } from '../core/newsroom/NewsroomClient';
import type { LiveEvent } from '../shared/contract/live';
import { openServer } from '../server/openServer';
import { throwawayDatabase } from '../server/testing/realPostgres';
import { storyContent } from './saveBench';
import { percentile } from './stats';
import { benchCheck, sized, type Bench } from './bench';

const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function localSaves(saves: number): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-bench-local-'));
  const core = await openCore({ libraryDir: dir, appInfo, backupSchedule: false });
  try {
    const admin = await addPerson(core, '관리자', 'admin');
    const actor = await addPerson(core, '김하늘', 'reporter', admin);
    const a = await core.handlers.createArticle({ actor });
    const times: number[] = [];
    for (let r = 0; r < saves; r++) {
      const t0 = performance.now();
      await core.handlers.saveArticle({ id: a.id, actor, baseRevision: r, content: storyContent(r + 2, `판 ${r}`) });
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const serverRoundTripBench: Bench = {
  name: 'server round trips',
  async run(opts) {
    const saves = sized(opts, 200, 20);
    const steps = sized(opts, 100, 10);
    const db = await throwawayDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'copydesk-bench-server-'));
    const server = await openServer({ dataDir, databaseUrl: 'skip' in db ? undefined : db.url, port: 0 });
    const lines = [`database: ${'skip' in db ? `embedded PGlite (no PostgreSQL here: ${db.skip})` : 'PostgreSQL'}`];
    try {
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: server.setupCode, login: 'admin', password: 'admin password', person: { name: '관리자', desk: '', email: '', bylineName: '관리자', bylineRole: '' } }),
      });
      const { token } = ((await setup.json()) as { value: { token: string } }).value;
      for (const [login, role] of [['kim', 'reporter'], ['park', 'editor']]) {
        await fetch(`${server.url}/api/people/add`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ login, password: `${login} password 1`, person: { name: login, role, desk: '', email: '', bylineName: login, bylineRole: '', active: true } }),
        });
      }
      const kim = await NewsroomClient.signIn(server.url, 'kim', 'kim password 1');
      const park = await NewsroomClient.signIn(server.url, 'park', 'park password 1');

      const a = await kim.call('createArticle', {});
      const remote: number[] = [];
      for (let r = 0; r < saves; r++) {
        const t0 = performance.now();
        await kim.call('saveArticle', { id: a.id, baseRevision: r, content: storyContent(r + 2, `판 ${r}`) });
        remote.push(performance.now() - t0);
      }
      const local = await localSaves(saves);
      const [rp50, rp95, lp50, lp95] = [percentile(remote, 50), percentile(remote, 95), percentile(local, 50), percentile(local, 95)];
      lines.push(`save round trip (${saves} saves of a 600-word story): p50 ${ms(rp50)}, p95 ${ms(rp95)}; desktop local save p50 ${ms(lp50)}, p95 ${ms(lp95)} (${(rp95 / lp95).toFixed(2)}× at p95)`);

      // The queue update: kim sends and recalls; park's client hears each step on the live channel.
      let online = false;
      const heard: ((e: LiveEvent) => void)[] = [];
      park.follow((e) => heard.forEach((f) => f(e)), (s) => (online = s === 'online'));
      while (!online) await new Promise((r) => setTimeout(r, 10));
      const story = await kim.call('createArticle', {});
      const delays: number[] = [];
      for (let i = 0; i < steps; i++) {
        const action = i % 2 === 0 ? 'send' : 'recall';
        const status = action === 'send' ? 'sent' : 'draft';
        const arrived = new Promise<number>((resolve) => {
          const f = (e: LiveEvent) => {
            if (e.type === 'article' && e.summary.id === story.id && e.summary.status === status) {
              heard.splice(heard.indexOf(f), 1);
              resolve(performance.now());
            }
          };
          heard.push(f);
        });
        const t0 = performance.now();
        await kim.call('transitionArticle', { id: story.id, action, note: '', override: false });
        delays.push((await arrived) - t0);
      }
      park.stop();
      const p95 = percentile(delays, 95);
      lines.push(`queue update (a step → the desk's client hears it, ${steps} steps): p50 ${ms(percentile(delays, 50))}, p95 ${ms(p95)} (target p95 ≤ 1 s)`);
      benchCheck(delays.length === steps && remote.length === saves, lines);
      return lines;
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      if (!('skip' in db)) await db.drop();
    }
  },
};
