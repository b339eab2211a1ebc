// /readyz and /metrics, answered without a session like /healthz. /readyz is for load balancers
// (it names the check that failed, the reason stays in the log). /metrics is for the scraper:
// with a metrics token, only a request that sends it (`Authorization: Bearer TOKEN`) is answered;
// without one, only a request made on this machine that no proxy forwarded (a reverse proxy on
// this machine connects from loopback too, and adds a forwarding header when it does).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../shared/contract/errors';
import { RawAnswer, sendJson } from '../http/respond';
import { RESPONDED, type Route } from '../http/Route';
import type { ServerMetrics } from './metrics';
import type { ReadinessProbe } from './readiness';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDED = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether this request may read /metrics (the rule in the header comment). */
export function metricsAllowed(req: IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    // Compared as digests: equal lengths, constant time.
    return match !== null && timingSafeEqual(digest(match[1]), digest(token));
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && FORWARDED.every((h) => req.headers[h] === undefined);
}

export function opsRoutes(readiness: ReadinessProbe, metrics: ServerMetrics, metricsToken: string | undefined): Route[] {
  return [
    {
      method: 'GET',
      path: '/readyz',
      open: true,
      handle: async (ctx) => {
        const { ready, checks } = await readiness.run();
        sendJson(ctx.res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', checks });
        return RESPONDED;
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      open: true,
      handle: async (ctx) => {
        if (!metricsAllowed(ctx.req, metricsToken)) throw new ApiError('forbidden', metricsToken ? '/metrics needs the metrics token' : '/metrics answers only on this machine (or set a metrics token)', { reason: 'metrics' });
        return new RawAnswer(Buffer.from(await metrics.text()), metrics.contentType, { 'cache-control': 'no-store' });
      },
    },
  ];
}
