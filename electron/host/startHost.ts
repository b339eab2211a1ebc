// The browser host: the built renderer and the IPC contract over HTTP, on 127.0.0.1 only, behind a
// per-run token. It exists so the whole app runs and is tested where Electron cannot run; it adds
// no logic of its own — requests go through the same `dispatch` as Electron's ipcMain.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, relative, isAbsolute } from 'node:path';
import { dispatch, isMethod, type Handlers } from '../../shared/contract/dispatch';
import { MAX_IMPORT_BYTES, MAX_PHOTO_BYTES } from '../../shared/contract/api';
import { parseMediaPath } from '../core/media/mediaPath';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { bridgeScript } from './bridgeScript';
import { staticPath } from './staticPath';

const MAX_BODY = 8 * 1024 * 1024;
/** A photo arrives base64-encoded in JSON: room for the contract's largest photo plus a third. */
const MAX_PHOTO_BODY = Math.ceil(MAX_PHOTO_BYTES * 1.34) + 4096;
/** Imported files (a package with its photos) travel the same way. */
const MAX_IMPORT_BODY = Math.ceil(MAX_IMPORT_BYTES * 1.34) + 64 * 1024;
const COOKIE = 'copydesk_token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

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

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
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
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** The bridge sends bytes as {"$bytes": base64}; they become Uint8Arrays again before zod sees them. */
function reviveBytes(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const b64 = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof b64 === 'string') return new Uint8Array(Buffer.from(b64, 'base64'));
  }
  return value;
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type MediaFiles = (id: string, variant: string) => Promise<{ path: string; type: string } | null>;

export async function startHost(opts: { handlers: Handlers; rendererDir: string; mediaFile?: MediaFiles; port?: number; token?: string }): Promise<HostHandle> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const root = await realpath(opts.rendererDir);
  const bridge = bridgeScript(token);
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const serveIndex = async (res: ServerResponse) => {
    const html = await readFile(join(root, 'index.html'), 'utf8');
    // The bridge must exist before the app's own scripts run.
    const tag = '<script src="/__copydesk/bridge.js"></script>';
    const injected = /<script\b/i.test(html) ? html.replace(/<script\b/i, `${tag}\n    <script`) : html.replace('</head>', `${tag}</head>`);
    send(res, 200, injected, MIME['.html'], { 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` });
  };

  const serveFile = async (res: ServerResponse, urlPath: string) => {
    const file = staticPath(root, urlPath);
    if (!file) return send(res, 403, 'Forbidden');
    try {
      const real = await realpath(file); // refuse symlinks that lead out of the renderer folder
      const rel = relative(root, real);
      if (rel.startsWith('..') || isAbsolute(rel)) return send(res, 403, 'Forbidden');
      send(res, 200, await readFile(real), MIME[extname(real)] ?? 'application/octet-stream');
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
    send(res, 200, await readFile(file.path), file.type, { 'cache-control': 'private, max-age=31536000, immutable' });
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    const json = (status: number, body: unknown) => send(res, status, JSON.stringify(body), 'application/json');
    if (req.method !== 'POST') return json(405, { ok: false, error: { code: 'invalidInput', message: 'POST only', params: {} } });
    if (!sameSecret(req.headers['x-copydesk-token'] as string | undefined, token)) {
      return json(401, { ok: false, error: { code: 'forbidden', message: 'missing or wrong token', params: {} } });
    }
    if (req.headers.origin && req.headers.origin !== `http://127.0.0.1:${port}` && req.headers.origin !== `http://localhost:${port}`) {
      return json(403, { ok: false, error: { code: 'forbidden', message: 'foreign origin', params: {} } });
    }
    if (!isMethod(method)) return json(404, { ok: false, error: { code: 'notFound', message: `no method ${method}`, params: {} } });
    const body = await readBody(req, method === 'importPhoto' ? MAX_PHOTO_BODY : method === 'importFiles' || method === 'importBackupArchive' ? MAX_IMPORT_BODY : MAX_BODY);
    if (body === null) {
      // Stop reading an oversized upload and drop the connection so it cannot be reused mid-body.
      send(res, 413, JSON.stringify({ ok: false, error: { code: 'invalidInput', message: 'request too large', params: {} } }), 'application/json', { connection: 'close' });
      return void res.on('finish', () => req.destroy());
    }
    let payload: unknown;
    try {
      payload = body === '' ? {} : JSON.parse(body, reviveBytes);
    } catch {
      return json(200, { ok: false, error: { code: 'invalidInput', message: 'malformed JSON', params: {} } });
    }
    json(200, await dispatch(opts.handlers, method, payload));
  };

  const server = createServer((req, res) => {
    void (async () => {
      // DNS-rebinding guard: only our own address may name this server.
      if (!allowedHosts().includes(req.headers.host ?? '')) return send(res, 403, 'Forbidden host');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) return serveApi(req, res, url.pathname.slice(5));
      const authed = sameSecret(url.searchParams.get('token') ?? undefined, token) || sameSecret(cookieToken(req), token);
      if (!authed) return send(res, 401, 'Copydesk: open the address with the token that `npm run start:browser` printed in the terminal.');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      if (url.pathname === '/__copydesk/bridge.js') return send(res, 200, bridge, MIME['.js']);
      if (url.pathname.startsWith('/media/')) return serveMedia(res, url.pathname.slice('/media/'.length));
      if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(res);
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
