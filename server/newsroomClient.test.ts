// The app's core as a newsroom client against a real server (PGlite): signing in, calls for the
// signed-in person, the live channel with its connection states, a server restart it rides out,
// and a revoked session that stops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsroomClient, serverAddress, UNREACHABLE_RETRY_MS, type ConnectionState } from '../core/newsroom/NewsroomClient';
import type { LiveEvent } from '../shared/contract/live';
import type { ApiError } from '../shared/contract/errors';
import { until } from './testing/until';
import { pgliteStore, type TestStore } from './testing/bothDatabases';
import { addPeople, setUpAdmin, startTestServer, type TestServer } from './testing/testServer';

const person = (name: string, role: string) => ({ name, role, bylineRole: '기자' });


describe('the core as a newsroom client', () => {
  let store: TestStore;
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    store = await pgliteStore();
    server = await startTestServer(store);
    admin = await setUpAdmin(server);
    await addPeople(server, admin, [
      ['kim', person('김하늘', 'reporter')],
      ['park', person('박데스크', 'editor')],
    ]);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
  });

  it('takes only an http(s) address without credentials', () => {
    expect(serverAddress(' https://news.example.org/ ')).toBe('https://news.example.org');
    for (const bad of ['news.example.org', 'ftp://x.org', 'https://u:p@x.org', 'https://x.org/?a=1']) {
      expect(() => serverAddress(bad)).toThrow(expect.objectContaining({ code: 'invalidInput' }));
    }
  });

  it('signs in, acts as that person, and says clearly when the password is wrong or the server is away', async () => {
    await expect(NewsroomClient.signIn(server.url, 'kim', 'wrong password')).rejects.toMatchObject({ code: 'signInFailed' });
    const kim = await NewsroomClient.signIn(server.url, 'kim', 'kim password 1');
    expect(kim.person).toMatchObject({ name: '김하늘', role: 'reporter' });
    const draft = await kim.call('createArticle', {});
    expect(draft.ownerId).toBe(kim.person.id);
    const err = (await NewsroomClient.signIn('http://127.0.0.1:9', 'kim', 'x').catch((e: ApiError) => e)) as ApiError;
    expect([err.code, err.params.server]).toEqual(['offline', 'http://127.0.0.1:9']);
  });

  it('follows the live channel, rides out a server restart, and stops when the session is revoked', async () => {
    const kim = await NewsroomClient.signIn(server.url, 'kim', 'kim password 1');
    const park = await NewsroomClient.signIn(server.url, 'park', 'park password 1');
    const states: ConnectionState[] = [];
    const events: LiveEvent[] = [];
    park.follow((e) => events.push(e), (s) => states.push(s));
    await until(() => states.at(-1) === 'online');

    const draft = await kim.call('createArticle', {});
    await kim.call('transitionArticle', { id: draft.id, action: 'send', note: '', override: false });
    await until(() => events.some((e) => e.type === 'article' && e.summary.id === draft.id && e.summary.status === 'sent'));

    // The server stops and comes back on the same address: the client says offline, then online, and hears what follows.
    const port = Number(new URL(server.url).port);
    await server.close();
    await until(() => states.at(-1) === 'offline');
    server = await startTestServer(store, { port });
    await until(() => states.at(-1) === 'online', 20_000);
    await kim.call('transitionArticle', { id: draft.id, action: 'recall', note: '', override: false });
    await until(() => events.some((e) => e.type === 'article' && e.summary.id === draft.id && e.summary.status === 'draft'));

    const sessions = (await server.call('GET', '/api/sessions', undefined, park.sessionToken)).body.value as { id: string; current: boolean }[];
    await server.call('POST', '/api/sessions/revoke', { id: sessions.find((x) => x.current)!.id }, admin);
    await until(() => states.at(-1) === 'signedOut', 20_000);
    await expect(park.call('getSettings', {})).rejects.toMatchObject({ code: 'notSignedIn' });
    park.stop();
    kim.stop();
  }, 60_000);

  it('finds a server back within about a second, however long it was away (no growing backoff while unreachable)', async () => {
    const park = await NewsroomClient.signIn(server.url, 'park', 'park password 1');
    const states: ConnectionState[] = [];
    park.follow(() => undefined, (s) => states.push(s));
    await until(() => states.at(-1) === 'online');
    const port = Number(new URL(server.url).port);
    await server.close();
    // Long enough that a doubling backoff (1, 2, 4, 8 s…) would next try 6 s after the server is back.
    await new Promise((r) => setTimeout(r, 9000));
    server = await startTestServer(store, { port });
    const back = Date.now();
    await until(() => states.at(-1) === 'online', 20_000);
    expect(Date.now() - back).toBeLessThan(UNREACHABLE_RETRY_MS + 1500);
    // Offline for 9 s, retried every second, yet said once: offline, then online again.
    const away = states.slice(states.lastIndexOf('online', -2) + 1);
    expect(away).toEqual(['offline', 'online']);
    park.stop();
  }, 60_000);
});
