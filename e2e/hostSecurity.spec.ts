// The browser host's token in a real Chromium: it leaves the address bar once the app has loaded,
// reloads and reopened tabs keep working through the cookie, and a page on another 127.0.0.1 port
// (same-site to the browser, so our SameSite cookie goes along) can read neither the bridge script
// that carries the token nor any API answer. And a call over the body limit comes back as a
// translated sentence, not a hang or a reset.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { test, expect } from './support/fixtures';
import { ADMIN, seedPeople, signInContext } from './support/people';
import { launchBrowserHost } from '../host/launchBrowserHost';

/** A hostile page on its own port that tries every way to get at the host's bridge and API. */
function hostilePage(target: string): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html><script>
    const target = ${JSON.stringify(target)};
    const out = (window.results = {});
    const settle = (key, value) => (out[key] = value);
    fetch(target + '/__copydesk/bridge.js', { credentials: 'include' }).then((r) => r.text()).then((t) => settle('fetch', t), (e) => settle('fetch', 'error: ' + e));
    fetch(target + '/__copydesk/bridge.js', { credentials: 'include', mode: 'no-cors' }).then((r) => settle('noCors', r.type), (e) => settle('noCors', 'error: ' + e));
    fetch(target + '/api/listPeople', { method: 'POST', credentials: 'include', mode: 'no-cors', body: '{}' }).then((r) => settle('api', r.type), (e) => settle('api', 'error: ' + e));
    const script = document.createElement('script');
    script.src = target + '/__copydesk/bridge.js';
    script.onload = () => settle('script', 'loaded: ' + typeof window.copydesk);
    script.onerror = () => settle('script', 'blocked');
    document.head.append(script);
  </script>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

async function appShown(page: Page) {
  await expect(page.getByTestId('new-article')).toBeVisible();
}

test('the token leaves the address bar, reload and a new tab work by the cookie, another port reads nothing', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'The token, cookie and fetch metadata belong to the browser host.');
  const page = app.page;
  await appShown(page);
  const loaded = new URL(page.url());
  expect(loaded.searchParams.has('token')).toBe(false);
  const origin = loaded.origin;

  await page.reload();
  await appShown(page);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);

  const reopened = await page.context().newPage();
  await reopened.goto(`${origin}/`);
  await appShown(reopened);

  const hostile = await hostilePage(origin);
  try {
    const evil = await page.context().newPage(); // the same browser profile, cookie and all
    await evil.goto(hostile.url);
    await expect.poll(() => evil.evaluate(() => Object.keys((window as unknown as { results: object }).results).length)).toBe(4);
    const results = await evil.evaluate(() => (window as unknown as { results: Record<string, string> }).results);
    expect(results.fetch).toMatch(/^error/); // no CORS: the text never reaches the page
    expect(results.script).toBe('blocked'); // Sec-Fetch-Site refused it and CORP forbids it
    expect(results.noCors).toMatch(/^(error|opaque)/); // at most an empty opaque answer
    expect(JSON.stringify(results)).not.toContain('copydesk');
    expect(await evil.evaluate(() => typeof (window as unknown as { copydesk?: unknown }).copydesk)).toBe('undefined');
  } finally {
    await new Promise((ok) => hostile.server.close(ok));
  }
});

test('a call over the body limit is answered 413 tooLarge naming the limit, not reset', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'Body limits belong to the browser host.');
  const page = app.page;
  await appShown(page);
  // Straight to the host, past the bridge's own check: 3 MB for a method whose limit is 2 MB.
  const answer = await page.evaluate(async () => {
    const token = await fetch('/__copydesk/bridge.js').then((r) => r.text()).then((t) => /const token = "([0-9a-f]+)"/.exec(t)![1]);
    const res = await fetch('/api/listArticles', { method: 'POST', headers: { 'content-type': 'application/json', 'x-copydesk-token': token }, body: JSON.stringify({ scope: 'x'.repeat(3 * 1024 * 1024) }) });
    return { status: res.status, body: await res.json() };
  });
  expect(answer.status).toBe(413);
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'tooLarge', params: { limitMB: 2 } } });
});

test('bytes reach the core raw through the bridge: a photo and a file import, byte for byte', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'The bridge and its framing belong to the browser host.');
  const page = app.page;
  await appShown(page);
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
  const markdown = '# 전력망 과부하 경보\n\n첫 문단이다.\n';
  const results = await page.evaluate(
    async ({ png, markdown, actor }) => {
      const api = (window as unknown as { copydesk: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>> }).copydesk;
      const photo = await api.importPhoto({ actor, name: 'red.png', bytes: new Uint8Array(png) });
      const files = await api.importFiles({ actor, jobId: 'e2e-bytes-1', files: [{ name: 'story.md', bytes: new TextEncoder().encode(markdown) }] });
      return { photo, files };
    },
    { png: [...png], markdown, actor: ADMIN.id },
  );
  expect(results.photo, JSON.stringify(results.photo)).toMatchObject({ ok: true, value: { photo: { width: 64, height: 48, bytes: png.length } } });
  // A photo's id is the SHA-256 of its bytes: the core got exactly what the page sent.
  expect((results.photo.value as { photo: { id: string } }).photo.id).toBe(createHash('sha256').update(png).digest('hex'));
  expect(results.files, JSON.stringify(results.files)).toMatchObject({ ok: true, value: { results: [{ name: 'story.md', headline: '전력망 과부하 경보', error: null }] } });
});

test('two hosts open in one browser keep their own cookies: both still reload', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'Cookies belong to the browser host.');
  const first = app.page;
  await appShown(first);
  const otherDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-other-'));
  await seedPeople(otherDir, [ADMIN]);
  const other = await launchBrowserHost({ libraryDir: otherDir });
  await signInContext(first.context(), otherDir, ADMIN.id);
  try {
    const second = await first.context().newPage();
    await second.goto(other.url);
    await appShown(second);
    await first.reload();
    await appShown(first);
    await second.reload();
    await appShown(second);
  } finally {
    await other.close();
    await rm(otherDir, { recursive: true, force: true });
  }
});
