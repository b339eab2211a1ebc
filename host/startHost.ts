// The browser host: the built renderer and the IPC contract over HTTP, on 127.0.0.1 only, behind a
// per-run token. It exists so the whole app runs and is tested where Electron cannot run; it adds
// no logic of its own — requests go through the same `dispatch` as Electron's ipcMain.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatch, isMethod, type Handlers } from '../shared/contract/dispatch';
import { ApiError, toApiError } from '../shared/contract/errors';
import { parseMediaPath } from '../core/media/mediaPath';
import { CONTENT_SECURITY_POLICY } from '../shared/security/contentSecurityPolicy';
import { bridgeScript } from './bridgeScript';
import { EVENTS_PATH } from './eventsPath';
import { bodyLimit, limitMB } from './bodyLimits';
import { decodeCall, readBody } from './requestBody';
import { fileForUrlPath, isInside } from '../core/files/insideFolder';
import { mimeTypeOf } from '../core/files/mimeTypes';
import type { CoreEvent } from '../shared/contract/newsroom';

/**
 * Browsers do not keep cookies apart by port, so each host names its cookie after its port: two
 * hosts on one machine (two libraries) do not overwrite each other's.
 */
const cookieName = (port: number) => `copydesk_token_${port}`;

export interface HostHandle {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage, port: number): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName(port)) return value.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    // No other origin (another 127.0.0.1 port included) may embed or read anything served here.
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/**
 * How long a refused upload may go on sending. The rest is read and dropped (no memory) and the
 * 413 sent when it ends: Node closes a connection answered mid-body, and closing on a client that
 * is still sending resets the connection, which can swallow the answer. Past this (a client that
 * stalls, or sends for ever), it is answered and cut off anyway.
 */
const LINGER_AFTER_REFUSAL_MS = 5000;

/**
 * Fetch metadata: a page on another port of 127.0.0.1 is "same-site" to the browser and gets our
 * SameSite cookie, so only our own page ("same-origin") may load scripts or call the API, and only
 * a typed address, bookmark or reload ("none") may open the app. Clients that send no fetch
 * metadata (the tests, curl) still need the token.
 */
function allowedSite(req: IncomingMessage, navigation: boolean): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === undefined) return true;
  return site === 'same-origin' || (navigation && site === 'none');
}

/**
 * The build names every file under assets/ after its content, so a changed file is a new address:
 * the browser may keep them for good, and then keeps their compiled code too (V8's code cache
 * needs a cacheable response), so a reload or a reopened tab skips fetching and compiling the app's
 * script. index.html and the bridge (which holds this run's token) stay no-store.
 */
const HASHED_ASSETS = '/assets/';
const CACHE_FOR_GOOD = 'private, max-age=31536000, immutable';

export type MediaFiles = (id: string, variant: string) => Promise<{ path: string; type: string } | null>;
/** The core's push path: subscribe a listener, get back its unsubscribe. */
export type CoreEvents = (listener: (event: CoreEvent) => void) => () => void;

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
const EVENTS_KEEPALIVE_MS = 25_000;

export async function startHost(opts: {
  handlers: Handlers;
  rendererDir: string;
  mediaFile?: MediaFiles;
  events?: CoreEvents;
  port?: number;
  token?: string;
  refusalLingerMs?: number;
}): Promise<HostHandle> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const root = await realpath(opts.rendererDir);
  const bridge = bridgeScript(token);
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const serveIndex = async (res: ServerResponse, setCookie: boolean) => {
    const html = await readFile(join(root, 'index.html'), 'utf8');
    // The bridge must exist before the app's own scripts run.
    const tag = '<script src="/__copydesk/bridge.js"></script>';
    const injected = /<script\b/i.test(html) ? html.replace(/<script\b/i, `${tag}\n    <script`) : html.replace('</head>', `${tag}</head>`);
    // The first load (with ?token=) leaves the cookie that reloads and reopened tabs use; no Domain,
    // so it stays with this host name.
    send(res, 200, injected, mimeTypeOf('index.html'), setCookie ? { 'set-cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {});
  };

  const serveFile = async (res: ServerResponse, urlPath: string) => {
    const file = fileForUrlPath(root, urlPath);
    if (!file) return send(res, 403, 'Forbidden');
    try {
      const real = await realpath(file); // refuse symlinks that lead out of the renderer folder
      if (!isInside(root, real)) return send(res, 403, 'Forbidden');
      send(res, 200, await readFile(real), mimeTypeOf(real), urlPath.startsWith(HASHED_ASSETS) ? { 'cache-control': CACHE_FOR_GOOD } : {});
    } catch {
      send(res, 404, 'Not found');
    }
  };

  // /media/<id>/<variant>: the browser host's side of the media scheme (same ids, same refusals).
  const serveMedia = async (res: ServerResponse, path: string) => {
    const ref = parseMediaPath(path);
    if (!ref) return send(res, 403, 'Forbidden');
    const file = await opts.mediaFile?.(ref.id, ref.variant);
    if (!file) return send(res, 404, 'Not found');
    send(res, 200, await readFile(file.path), file.type, { 'cache-control': CACHE_FOR_GOOD });
  };

  // The core's pushes (newsroom connection and story changes) as server-sent events, for this host's own page only.
  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    });
    res.write(': copydesk\n\n');
    const unsubscribe = opts.events?.((event) => res.write(`data: ${JSON.stringify(event)}\n\n`)) ?? (() => undefined);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), EVENTS_KEEPALIVE_MS);
    req.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    const json = (status: number, body: unknown) => send(res, status, JSON.stringify(body), 'application/json');
    const fail = (status: number, error: ApiError) => json(status, { ok: false, error: error.toJSON() });
    if (req.method !== 'POST') return fail(405, new ApiError('invalidInput', 'POST only'));
    if (!allowedSite(req, false)) return fail(403, new ApiError('forbidden', `${String(req.headers['sec-fetch-site'])} request`));
    if (!sameSecret(req.headers['x-copydesk-token'] as string | undefined, token)) return fail(401, new ApiError('hostChanged', 'missing or wrong token'));
    if (req.headers.origin && req.headers.origin !== `http://127.0.0.1:${port}` && req.headers.origin !== `http://localhost:${port}`) {
      return fail(403, new ApiError('forbidden', 'foreign origin'));
    }
    if (!isMethod(method)) return fail(404, new ApiError('notFound', `no method ${method}`));
    const limit = bodyLimit(method);
    const read = await readBody(req, limit);
    if (!read.ok) {
      if (!read.tooLarge) return void req.destroy(); // the client went away mid-body
      const refuse = () => {
        clearTimeout(cutOff);
        if (!res.headersSent) fail(413, new ApiError('tooLarge', `${method}: request over ${limit} bytes`, { limitMB: limitMB(limit) }));
      };
      const cutOff = setTimeout(refuse, opts.refusalLingerMs ?? LINGER_AFTER_REFUSAL_MS);
      req.once('end', refuse).once('close', () => clearTimeout(cutOff));
      return void req.resume();
    }
    let payload: unknown;
    try {
      payload = decodeCall(read.body, req.headers['content-type']);
    } catch (err) {
      return json(200, { ok: false, error: toApiError(err).toJSON() });
    }
    json(200, await dispatch(opts.handlers, method, payload));
  };

  const server = createServer((req, res) => {
    void (async () => {
      // DNS-rebinding guard: only our own address may name this server.
      if (!allowedHosts().includes(req.headers.host ?? '')) return send(res, 403, 'Forbidden host');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) return serveApi(req, res, url.pathname.slice(5));
      const isIndex = url.pathname === '/' || url.pathname === '/index.html';
      if (!allowedSite(req, isIndex)) return send(res, 403, 'Copydesk: open the address that `npm run start:browser` printed in the terminal.');
      const byAddress = sameSecret(url.searchParams.get('token') ?? undefined, token);
      if (!byAddress && !sameSecret(cookieToken(req, port), token)) return send(res, 401, 'Copydesk: open the address with the token that `npm run start:browser` printed in the terminal.');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      if (url.pathname === '/__copydesk/bridge.js') return send(res, 200, bridge, mimeTypeOf('bridge.js'));
      if (url.pathname === EVENTS_PATH) return serveEvents(req, res);
      if (url.pathname.startsWith('/media/')) return serveMedia(res, url.pathname.slice('/media/'.length));
      if (isIndex) return serveIndex(res, byAddress);
      return serveFile(res, url.pathname);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
