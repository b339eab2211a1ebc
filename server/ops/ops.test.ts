// The server's operations endpoints in one process: /readyz (ready, a failing check, the database
// closed), /metrics (Prometheus text counting what the test did, nothing personal in it, refused
// to a proxied or tokenless request), and a close that stops taking connections first.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { openCollab } from '../testing/collabClient';
import { openLive } from '../testing/liveClient';
import { staffDeskOfThree, startTestServer } from '../testing/testServer';
import { until } from '../testing/until';
import { metricsAllowed } from './opsRoutes';
import { parsePrometheus, sample } from './testing/promText';

let store: TestStore;
beforeAll(async () => {
  store = await pgliteStore();
});
afterAll(() => store.dispose());

const TOKEN = 'metrics-token-0123456789';

describe('/readyz', () => {
  it('is 200 while the database answers and every check passes, 503 naming the check that fails', async () => {
    const lines: string[] = [];
    let redisUp = true;
    const server = await startTestServer(store, { log: (l) => lines.push(l), ready: [{ name: 'redis', check: async () => (redisUp ? 'PONG' : Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:6379'))) }] });
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', checks: { database: 'ok', redis: 'ok' } }]);
      redisUp = false;
      const down = await fetch(`${server.url}/readyz`);
      const body = await down.json();
      expect([down.status, body]).toEqual([503, { status: 'unavailable', checks: { database: 'ok', redis: 'failed' } }]);
      // The reason is in the log, once, not in the answer (no addresses to whoever asks).
      expect(JSON.stringify(body)).not.toContain('10.1.2.3');
      await fetch(`${server.url}/readyz`);
      expect(lines.filter((l) => l.includes('redis check failed'))).toHaveLength(1);
      // A check pushed on the running server's list counts too.
      redisUp = true;
      server.ready.push({ name: 'slow', check: () => new Promise(() => undefined) });
      const slow = await fetch(`${server.url}/readyz`);
      expect([slow.status, ((await slow.json()) as { checks: object }).checks]).toEqual([503, { database: 'ok', redis: 'ok', slow: 'failed' }]);
      // Liveness stays as it was.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('is 503 naming the database once the database is closed, while /healthz stays 200', async () => {
    const server = await startTestServer(store);
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await server.db.close();
      const down = await fetch(`${server.url}/readyz`);
      expect([down.status, await down.json()]).toEqual([503, { status: 'unavailable', checks: { database: 'failed' } }]);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close().catch(() => undefined);
    }
  }, 60_000);
});

describe('/metrics', () => {
  it('counts the requests, connections, streams, documents, appends and queries the test caused, with nothing personal in it', async () => {
    const server = await startTestServer(store);
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    await staffDeskOfThree(server, tokens, ids);
    const scrape = async () => {
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return parsePrometheus(await res.text());
    };
    try {
      const before = await scrape();
      const healthz = sample(before, 'copydesk_http_requests_total', { method: 'GET', route: '/healthz', status: '200' }) ?? 0;
      for (let i = 0; i < 3; i++) await fetch(`${server.url}/healthz`);
      // A story's own path is labelled by its route, not by the id in it.
      expect((await fetch(`${server.url}/api/photos/${'ab'.repeat(32)}/thumb`, { headers: { authorization: `Bearer ${tokens.kim}` } })).status).toBe(404);
      const story = (await server.call('POST', '/api/call/createArticle', {}, tokens.kim)).body.value as Article;
      const kim = openCollab(server.url, story.id, tokens.kim);
      const live = await openLive(server.url, tokens.park);
      try {
        await until(() => kim.provider.isSynced);
        kim.type('지표에 나오면 안 되는 문장');
        await until(() => kim.provider.unsyncedChanges === 0);
        await until(() => server.collab.hocuspocus.getDocumentsCount() === 1);
        const during = await scrape();
        expect(sample(during, 'copydesk_http_requests_total', { method: 'GET', route: '/healthz', status: '200' })).toBe(healthz + 3);
        expect(sample(during, 'copydesk_http_requests_total', { method: 'GET', route: '/api/photos', status: '404' })).toBe(1);
        expect(sample(during, 'copydesk_http_requests_total', { method: 'POST', route: '/api/call/createArticle', status: '200' })).toBeGreaterThanOrEqual(1);
        expect(sample(during, 'copydesk_websocket_connections')).toBe(1);
        expect(sample(during, 'copydesk_live_connections')).toBe(1);
        expect(sample(during, 'copydesk_live_documents')).toBe(1);
        expect(sample(during, 'copydesk_sse_streams')).toBe(1);
        expect(sample(during, 'copydesk_live_update_ack_seconds_count', { outcome: 'stored' })).toBeGreaterThanOrEqual(1);
        expect(sample(during, 'copydesk_db_query_seconds_count', { op: 'query' })).toBeGreaterThan(sample(before, 'copydesk_db_query_seconds_count', { op: 'query' }) ?? 0);
        expect(sample(during, 'copydesk_db_query_seconds_count', { op: 'transaction' })).toBeGreaterThanOrEqual(1);
        expect(sample(during, 'copydesk_errors_total')).toBe(0);
        // prom-client's process metrics come along.
        expect(sample(during, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
        expect(sample(during, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
        const text = await (await fetch(`${server.url}/metrics`)).text();
        for (const secret of [story.id, ids.kim, '김하늘', '박데스크', '지표에', tokens.kim, 'kim']) expect(text).not.toContain(secret);
      } finally {
        kim.destroy();
        live.close();
      }
      await until(() => server.collab.openSockets === 0);
      const after = await scrape();
      expect(sample(after, 'copydesk_websocket_connections')).toBe(0);
      expect(sample(after, 'copydesk_sse_streams')).toBe(0);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('each server counts its own requests (one Registry per server)', async () => {
    const a = await startTestServer(store);
    try {
      await fetch(`${a.url}/healthz`);
      const other = (await import('./metrics')).ServerMetrics;
      const b = new other();
      expect(sample(parsePrometheus(await b.text()), 'copydesk_http_requests_total', { route: '/healthz' })).toBeUndefined();
      expect(sample(parsePrometheus(await a.metrics.text()), 'copydesk_http_requests_total', { route: '/healthz' })).toBe(1);
    } finally {
      await a.close();
    }
  }, 60_000);

  it('refuses a request a proxy forwarded; with a token, refuses one without it', async () => {
    const open = await startTestServer(store);
    try {
      const proxied = await fetch(`${open.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect([proxied.status, ((await proxied.json()) as { error: { code: string } }).error.code]).toEqual([403, 'forbidden']);
    } finally {
      await open.close();
    }
    const guarded = await startTestServer(store, { metricsToken: TOKEN });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(403);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(403);
      const allowed = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' } });
      expect(allowed.status).toBe(200);
      expect(parsePrometheus(await allowed.text()).length).toBeGreaterThan(10);
    } finally {
      await guarded.close();
    }
  }, 60_000);

  it('answers without a token only a loopback peer with no forwarding header', () => {
    const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
    expect(metricsAllowed(req('127.0.0.1'), undefined)).toBe(true);
    expect(metricsAllowed(req('::1'), undefined)).toBe(true);
    expect(metricsAllowed(req('10.0.0.5'), undefined)).toBe(false);
    expect(metricsAllowed(req('192.168.1.20'), undefined)).toBe(false);
    expect(metricsAllowed(req('127.0.0.1', { forwarded: 'for=198.51.100.1' }), undefined)).toBe(false);
    expect(metricsAllowed(req('127.0.0.1', { 'x-real-ip': '198.51.100.1' }), undefined)).toBe(false);
    // With a token, the address does not matter; the token does.
    expect(metricsAllowed(req('10.0.0.5', { authorization: `Bearer ${TOKEN}` }), TOKEN)).toBe(true);
    expect(metricsAllowed(req('127.0.0.1'), TOKEN)).toBe(false);
  });
});

describe('closing', () => {
  it('stops taking connections the moment it starts, then stores and closes', async () => {
    const server = await startTestServer(store);
    const closing = server.close();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await closing;
  }, 60_000);
});
