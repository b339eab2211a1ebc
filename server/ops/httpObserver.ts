// Each HTTP request, once answered: counted and timed for /metrics by route (the route's declared
// path, never the path asked, which may carry an id), logged as a JSON line (method, path without
// its query, status, ms), and tracked while in flight so a graceful stop can wait for it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ServerMetrics } from './metrics';
import type { OpsLogger } from './serverLog';

/** Polled by load balancers and scrapers: logged at debug, not to drown the rest. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS']);

export type HttpObserve = (req: IncomingMessage, res: ServerResponse, route: () => string) => void;

export class HttpObserver {
  private inFlight = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly metrics: ServerMetrics,
    private readonly logger?: OpsLogger,
  ) {}

  readonly observe: HttpObserve = (req, res, route) => {
    const started = performance.now();
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
      const seconds = (performance.now() - started) / 1000;
      const label = route();
      const method = METHODS.has(req.method ?? '') ? (req.method as string) : 'other';
      // Closed before an answer went out: the client went away (or the server cut it off).
      const status = res.headersSent ? String(res.statusCode) : 'aborted';
      this.metrics.httpRequests.inc({ method, route: label, status });
      this.metrics.httpDuration.observe({ route: label }, seconds);
      if (this.logger) {
        const path = new URL(req.url ?? '/', 'http://server').pathname;
        const fields = { method, path, route: label, status: res.headersSent ? res.statusCode : null, ms: Math.round(seconds * 10_000) / 10 };
        if (QUIET.has(label)) this.logger.debug(fields, 'request');
        else this.logger.info(fields, 'request');
      }
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  };

  get requests(): number {
    return this.inFlight;
  }

  /** Resolves when no request is in flight, or after `ms` (a stop does not wait for ever). */
  settled(ms: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
