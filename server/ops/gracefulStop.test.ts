// `copydesk server` in a child process, stopped with SIGTERM while three clients type in two live
// stories: it exits 0, and every edit a client saw acknowledged is in its story's article row (the
// store debounce had not run for the last ones: the graceful stop stored them). Started again on
// the same port (a restart), the clients reconnect by themselves and send what was not
// acknowledged: after a second stop every edit typed is stored. The first and a second signal
// are told apart (handleStopSignals).
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { openServer } from '../openServer';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { openCollab, type CollabClient } from '../testing/collabClient';
import { ADMIN } from '../testing/testServer';
import { until } from '../testing/until';
import { handleStopSignals } from './stopSignals';
import { postJson as post } from '../testing/postJson';

const ROOT = join(import.meta.dirname, '..', '..');
const EDITOR = { name: '데스크', role: 'editor', desk: '', email: '', bylineName: '데스크', bylineRole: '', active: true };

/** A port free a moment ago: the restart must come back on the same one. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface Child {
  process: ChildProcess;
  url: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

async function startChild(dataDir: string, port: number): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/copydesk.ts'), 'server', '--data', dataDir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  let url = '';
  for await (const line of createInterface({ input: child.stdout! })) {
    stdout.push(line);
    if (line.startsWith('listening on ')) {
      url = line.slice('listening on '.length);
      break;
    }
  }
  if (!url) throw new Error(`the server did not start: ${stderr.join('\n')}`);
  return { process: child, url, stdout, stderr, exited };
}

describe('copydesk server stopped with SIGTERM while people type', () => {
  let store: TestStore;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await store.dispose();
  });

  it('stores every acknowledged edit in the article rows and exits 0; after a restart the clients send the rest', async () => {
    const port = await freePort();
    const first = await startChild(store.dataDir, port);
    children.push(first.process);
    const { url, stdout, stderr } = first;
    const code = /\n {2}([0-9A-F]{4}(?:-[0-9A-F]{4}){4})\n/.exec(stdout.join('\n'))![1];
    const admin = (await post<{ token: string }>(`${url}/api/setup`, { code, login: 'admin', password: 'admin password', person: ADMIN })).token;
    await post(`${url}/api/people/add`, { login: 'desk', password: 'desk password 1', person: EDITOR }, admin);
    const desk = (await post<{ token: string }>(`${url}/api/login`, { login: 'desk', password: 'desk password 1' })).token;
    const stories = [(await post<Article>(`${url}/api/call/createArticle`, {}, admin)).id, (await post<Article>(`${url}/api/call/createArticle`, {}, admin)).id];
    const clients: [CollabClient, string][] = [
      [openCollab(url, stories[0], admin), stories[0]],
      [openCollab(url, stories[0], desk), stories[0]],
      [openCollab(url, stories[1], admin), stories[1]],
    ];
    await until(() => clients.every(([c]) => c.provider.isSynced), 30_000);

    /** Each story's edits that a client saw acknowledged, and every edit typed. */
    const acked = new Map<string, string[]>(stories.map((id) => [id, []]));
    const typed = new Map<string, string[]>(stories.map((id) => [id, []]));
    let stopped = false;
    const typist = async ([c, story]: [CollabClient, string], who: number) => {
      for (let n = 1; !stopped; n++) {
        const edit = `[c${who}e${n}]`;
        c.type(edit);
        typed.get(story)!.push(edit);
        await until(() => stopped || c.provider.unsyncedChanges === 0, 30_000);
        if (c.provider.unsyncedChanges === 0) acked.get(story)!.push(edit);
      }
    };
    const running = clients.map((c, who) => typist(c, who));
    const count = () => [...acked.values()].reduce((n, a) => n + a.length, 0);
    // Stopped mid-typing, after a number of acknowledged edits (not a time: the machine may be slow).
    await until(() => count() >= 30, 60_000);
    first.process.kill('SIGTERM');
    const [exitCode, signal] = await first.exited;
    stopped = true;
    await Promise.all(running);
    expect([exitCode, signal]).toEqual([0, null]);

    // The log said it stopped gracefully, with both stories loaded.
    const log = stderr.map((l) => JSON.parse(l) as { msg: string; liveDocuments?: number });
    expect(log.find((l) => l.msg === 'stopping')).toMatchObject({ liveDocuments: 2 });
    expect(log.some((l) => l.msg === 'stopped')).toBe(true);

    // The folder is free again, and each article row holds every acknowledged edit of its story.
    const missingFrom = async (edits: Map<string, string[]>) => {
      const server = await openServer({ dataDir: store.dataDir, port: 0 });
      try {
        const missing: string[] = [];
        for (const id of stories) {
          const [row] = await server.db.query<{ content: unknown }>('SELECT content FROM articles WHERE id = $1', [id]);
          const content = JSON.stringify(row.content);
          missing.push(...edits.get(id)!.filter((edit) => !content.includes(edit)));
        }
        return missing;
      } finally {
        await server.close();
      }
    };
    expect(await missingFrom(acked)).toEqual([]);
    const unacknowledged = [...typed.values()].flat().length - count();

    // Started again on the same port: the clients reconnect by themselves and send the rest.
    const second = await startChild(store.dataDir, port);
    children.push(second.process);
    await until(() => clients.every(([c]) => c.provider.isSynced && c.provider.unsyncedChanges === 0), 60_000);
    second.process.kill('SIGTERM');
    expect(await second.exited).toEqual([0, null]);
    for (const [c] of clients) c.destroy();
    expect(await missingFrom(typed)).toEqual([]);
    console.info(`${count()} acknowledged edits in 2 stories stored by the graceful stop; ${unacknowledged} typed as it stopped, sent again after the restart and stored`);
    expect(acked.get(stories[0])!.length).toBeGreaterThan(0);
    expect(acked.get(stories[1])!.length).toBeGreaterThan(0);
  }, 180_000);

  it('stops gracefully on the first signal, at once on a second of either kind', () => {
    const signals = new EventEmitter();
    const calls: string[] = [];
    handleStopSignals(
      signals as never,
      () => calls.push('stop'),
      (code, signal) => calls.push(`exit ${code} ${signal}`),
    );
    signals.emit('SIGTERM');
    expect(calls).toEqual(['stop']);
    signals.emit('SIGINT');
    signals.emit('SIGTERM');
    expect(calls).toEqual(['stop', 'exit 130 SIGINT', 'exit 143 SIGTERM']);
  });
});
