// The server's HTTP side on Node's own http module (a dozen JSON routes need no framework):
// /healthz for anyone, sign-in and setup without a session, everything else only with one.
// Every answer is JSON; a refusal is `{ ok: false, error }` with the contract's error codes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApiError, toApiError } from '../../shared/contract/errors';
import type { AccountService } from '../accounts/AccountService';
import type { HttpObserve } from '../ops/httpObserver';
import type { ServerLog } from '../ops/serverLog';
import { readJsonBody } from './readJsonBody';
import { RawAnswer, sendError, sendJson, sendRaw } from './respond';
import { RESPONDED, type Route } from './Route';
import { peerTrust, type PeerTrust } from './trustedProxies';

export interface HttpOptions {
  host: string;
  port: number;
  version: string;
  accounts: AccountService;
  routes: Route[];
  /** Serve HTTPS with this certificate and key (PEM); without, plain HTTP (behind a TLS proxy, or on one machine). */
  tls?: { cert: Buffer; key: Buffer };
  /**
   * Web origins allowed to call from a browser page. The app's core talks to the server from Node
   * and sends no Origin, so none is needed for the app; any other page's request is refused.
   */
  allowedOrigins?: readonly string[];
  /**
   * Behind a reverse proxy on this machine: the client's address (for sign-in throttling) is the
   * last one the proxy appended to X-Forwarded-For, not the proxy's own. Only a proxy that sets the
   * header itself may be trusted, so this trusts connections from the loopback address only.
   */
  trustProxy?: boolean;
  /**
   * Addresses and CIDR subnets (validated: trustedProxies' parseProxyList) of proxies trusted the
   * same way from elsewhere, e.g. the container network a proxy reaches the server through.
   */
  trustedProxies?: readonly string[];
  /** Where unexpected failures are logged (never sent to the client beyond their code). */
  log?: ServerLog;
  /** Told of each request with the route that answered it, read once it is answered (metrics, the request log). */
  observe?: HttpObserve;
}

export interface HttpHandle {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const LINGER_AFTER_REFUSAL_MS = 5000;

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header);
  return match ? match[1] : null;
}

/** Who is asking: the socket's peer, or when the peer is a trusted proxy the address it forwarded. */
export function clientAddress(req: IncomingMessage, trusted: PeerTrust): string {
  const peer = req.socket.remoteAddress ?? '';
  const forwarded = req.headers['x-forwarded-for'];
  if (typeof forwarded !== 'string' || !trusted(peer)) return peer;
  // The proxy appends the address it saw; anything before it came from the client and may be made up.
  const last = forwarded.split(',').map((a) => a.trim()).filter(Boolean).at(-1);
  return last ?? peer;
}

export async function startHttp(opts: HttpOptions): Promise<HttpHandle> {
  const byPath = new Map<string, Route[]>();
  for (const r of opts.routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  const prefixed = opts.routes.filter((r) => r.prefix);

  const allowed = new Set(opts.allowedOrigins ?? []);
  const trusted = peerTrust({ loopback: opts.trustProxy === true, proxies: opts.trustedProxies });
  const serverOptions = { maxHeaderSize: 16 * 1024, requestTimeout: 60_000 };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    // A route's declared path, never the path asked (it may carry an id): metrics stay bounded.
    let routeLabel = 'unmatched';
    opts.observe?.(req, res, () => routeLabel);
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://server').pathname;
      // A page from another origin is refused before anything else (a browser sends its Origin;
      // the app's core and command-line clients send none).
      const origin = req.headers.origin;
      if (origin !== undefined) {
        if (!allowed.has(origin)) throw new ApiError('forbidden', `origin ${origin} is not allowed`, { reason: 'origin' });
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('vary', 'Origin');
        if (req.method === 'OPTIONS') {
          res.writeHead(204, { 'access-control-allow-methods': 'GET, POST, PUT', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
          return void res.end();
        }
      }
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        routeLabel = '/healthz';
        return sendJson(res, 200, { status: 'ok', version: opts.version });
      }
      const under = byPath.has(path) ? undefined : prefixed.find((r) => path.startsWith(r.path + '/'));
      const candidates = under ? prefixed.filter((r) => r.path === under.path) : (byPath.get(path) ?? []);
      if (candidates.length) routeLabel = candidates[0].path;
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const route = candidates.find((r) => r.method === method);
      // Without a session nothing but the open routes answers, not even "no such page".
      const caller = route?.open ? null : await opts.accounts.authenticate(bearer(req));
      if (!route && candidates.length) {
        const error = new ApiError('invalidInput', `${req.method} not allowed on ${path}`);
        return sendJson(res, 405, { ok: false, error: error.toJSON() }, { allow: candidates.map((r) => r.method).join(', ') });
      }
      if (!route) throw new ApiError('notFound', `no route ${path}`);
      const value = await route.handle({
        req,
        res,
        caller,
        address: clientAddress(req, trusted),
        userAgent: String(req.headers['user-agent'] ?? ''),
        rest: under ? path.slice(under.path.length + 1) : '',
        body: (schema, limit) => readJsonBody(req, schema, limit),
      });
      if (value === RESPONDED) return;
      if (value instanceof RawAnswer) return sendRaw(res, value);
      sendJson(res, 200, { ok: true, value: value ?? null });
    })().catch((err: unknown) => {
      const error = toApiError(err);
      if (error.code === 'internal') opts.log?.(`internal error on ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
      if (res.headersSent) return void res.end();
      // What went wrong inside is for the log, not for the client.
      if (error.code === 'internal') return sendError(res, new ApiError('internal', 'internal error'));
      if (error.code !== 'tooLarge' || req.readableEnded) return sendError(res, error);
      // A refused upload is drained (read and dropped, no memory) and answered when it ends:
      // answering mid-body and closing resets the connection, which can swallow the answer. A
      // client that keeps sending past the linger is answered and cut off anyway.
      const answer = () => {
        clearTimeout(cutOff);
        if (!res.headersSent) sendError(res, error);
        res.once('finish', () => req.destroy());
      };
      const cutOff = setTimeout(answer, LINGER_AFTER_REFUSAL_MS);
      req.once('end', answer).once('close', () => clearTimeout(cutOff));
      req.resume();
    });
  };
  const server: Server = opts.tls ? createTlsServer({ ...serverOptions, cert: opts.tls.cert, key: opts.tls.key }, handler) : createServer(serverOptions, handler);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
