// The newsroom server's operations side, made once per server by openServer: metrics with their
// own Registry, the readiness checks, the log that counts errors, the HTTP observer, and the
// order of a graceful stop. openServer keeps a few lines of it; the rest lives here.
import type { Server } from 'node:http';
import type { CollabServer } from '../collab/CollabServer';
import type { Database } from '../db/Database';
import type { LiveHub } from '../live/LiveHub';
import type { Route } from '../http/Route';
import { HttpObserver } from './httpObserver';
import { instrumentDatabase } from './instrumentDatabase';
import { ServerMetrics } from './metrics';
import { opsRoutes } from './opsRoutes';
import { databaseCheck, ReadinessProbe, type ReadyCheck } from './readiness';
import type { OpsLogger, ServerLog } from './serverLog';

/** How long a graceful stop waits for HTTP requests already being answered. */
export const REQUESTS_GRACE_MS = 10_000;

export interface OpsOptions {
  log?: ServerLog;
  logger?: OpsLogger;
  ready?: readonly ReadyCheck[];
  metricsToken?: string;
}

export class ServerOps {
  readonly metrics = new ServerMetrics();
  readonly readiness: ReadinessProbe;
  readonly http: HttpObserver;
  /** ServerOptions.log, with its errors counted for /metrics. */
  readonly log: ServerLog;

  constructor(private readonly opts: OpsOptions) {
    this.log = (line, level = 'error') => {
      if (level === 'error') this.metrics.errors.inc();
      opts.log?.(line, level);
    };
    this.readiness = new ReadinessProbe(opts.ready ?? [], this.log);
    this.http = new HttpObserver(this.metrics, opts.logger);
  }

  /** The store, timed for /metrics, and checked first by /readyz. */
  database(db: Database): Database {
    const timed = instrumentDatabase(db, this.metrics);
    this.readiness.checks.unshift(databaseCheck(timed));
    return timed;
  }

  routes(): Route[] {
    return opsRoutes(this.readiness, this.metrics, this.opts.metricsToken);
  }

  /** The gauges read these when scraped; the live documents time each append. */
  watch(collab: CollabServer, hub: LiveHub): void {
    this.metrics.watch({
      websockets: () => collab.openSockets,
      liveConnections: () => [...collab.hocuspocus.documents.values()].reduce((n, d) => n + d.getConnectionsCount(), 0),
      sseStreams: () => hub.size,
      liveDocuments: () => collab.hocuspocus.getDocumentsCount(),
    });
    collab.updates.onSettled = (seconds, stored) => (stored ? this.metrics.stored : this.metrics.notStored).observe(seconds);
  }

  /** The first step of a graceful stop: unready, and no new connection is taken (the open ones are ended in order). */
  stopAccepting(server: Server): void {
    this.readiness.stop();
    server.close();
    server.closeIdleConnections();
    this.opts.logger?.info({ requests: this.http.requests }, 'stopping: no new connections');
  }
}
