// Starts a newsroom server: locks --data (PGlite takes no lock of its own, and even with a real
// PostgreSQL one folder belongs to one server), opens the store, applies the migrations, and
// listens. While nobody has an account it issues the one-time setup code for the first admin.
import { mkdir } from 'node:fs/promises';
import { LibraryLock } from '../core/LibraryLock';
import { AccountService } from './accounts/AccountService';
import { accountRoutes } from './accounts/accountRoutes';
import { ArticleService, visibleTo } from './articles/ArticleService';
import { readSettings } from './settings/settingsTable';
import { contractRoutes } from './contract/contractRoutes';
import { exportRoutes } from './exports/exportRoutes';
import { serverHandlers } from './contract/serverHandlers';
import { LiveHub } from './live/LiveHub';
import { liveRoutes } from './live/liveRoutes';
import { issueSetupCode } from './accounts/setupCode';
import { pgliteDir } from './dataFolder';
import { PhotoService } from './photos/PhotoService';
import { indexArticle, removeArticle } from './search/searchTable';
import { photoRoutes } from './photos/photoRoutes';
import { importRoutes } from './importLibrary/importRoutes';
import { openPglite, openPostgres, type Database } from './db/Database';
import { migrate } from './db/migrate';
import { startHttp } from './http/startHttp';
import { CollabServer, type CollabOptions } from './collab/CollabServer';
import { liveContent } from './collab/liveContent';
import { version } from '../package.json';
import { REQUESTS_GRACE_MS, ServerOps } from './ops/serverOps';
import type { ReadyCheck } from './ops/readiness';
import type { ServerMetrics } from './ops/metrics';
import type { OpsLogger, ServerLog } from './ops/serverLog';

export interface ServerOptions {
  dataDir: string;
  /** A postgres:// URL; without one, PGlite in the data folder. */
  databaseUrl?: string;
  host?: string;
  port?: number;
  now?: () => Date;
  sessionTtlMs?: number;
  /** The server's own lines (problems, at error level unless said); errors are counted on /metrics. */
  log?: ServerLog;
  /** Structured events: each HTTP request (method, path, status, ms), the stop (pino in the server command). */
  logger?: OpsLogger;
  /** Checks /readyz runs beside the database's (e.g. Redis, with several instances). */
  ready?: readonly ReadyCheck[];
  /** With it, /metrics answers whoever sends it as a bearer token; without, only requests made on this machine. */
  metricsToken?: string;
  /** HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
  /** Browser origins allowed to call (none by default: the app connects from its core). */
  allowedOrigins?: readonly string[];
  /** A reverse proxy on this machine forwards the clients' addresses (X-Forwarded-For). */
  trustProxy?: boolean;
  /** The largest photo taken (the contract's MAX_PHOTO_BYTES unless a test sets less). */
  maxPhotoBytes?: number;
  /** Live documents: the store debounce, compaction, and (tests) a hook inside each append. */
  collab?: Pick<CollabOptions, 'debounceMs' | 'maxDebounceMs' | 'compactAfter' | 'beforeCommit' | 'liveStateWaitMs' | 'embargoSettleMs'>;
}

export interface ServerHandle {
  url: string;
  /** Set while the newsroom has no one: the code that makes the first admin. */
  setupCode: string | null;
  db: Database;
  /** The live documents (server/collab/), for tests and metrics. */
  collab: CollabServer;
  /** /readyz's checks, the database's first: more may be pushed while the server runs. */
  ready: ReadyCheck[];
  /** This server's Prometheus registry (GET /metrics). */
  metrics: ServerMetrics;
  /** Stops gracefully: no new connections, every live document stored, then everything closed. */
  close(): Promise<void>;
}

export const SERVER_VERSION = version;

export async function openServer(opts: ServerOptions): Promise<ServerHandle> {
  await mkdir(opts.dataDir, { recursive: true });
  const lock = await LibraryLock.acquire(opts.dataDir);
  let db: Database | null = null;
  const ops = new ServerOps(opts);
  // Every part below logs through this one (its errors are counted on /metrics).
  opts = { ...opts, log: ops.log };
  try {
    db = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.log) : await openPglite(pgliteDir(opts.dataDir));
    db = ops.database(db);
    await migrate(db);
    const now = opts.now ?? (() => new Date());
    const store = db;
    const hub = new LiveHub(db, async () => visibleTo.bind(null, await readSettings(store)), now);
    // Told late: the live documents need the services made here, and the services tell them.
    let collab: CollabServer | null = null;
    const accounts = new AccountService(db, opts.now, opts.sessionTtlMs, () => {
      void hub.sessionsChanged();
      void collab?.sessionsChanged();
    });
    const setupCode = await issueSetupCode(db);
    const articles = new ArticleService(db, now, {
      committed: (event) => {
        void hub.publish(event);
        collab?.articleChanged(event);
      },
      onWrite: indexArticle,
      onRemove: removeArticle,
      live: liveContent(now, (id) => collab?.epochClosed(id)),
    });
    const live = new CollabServer({ db, accounts, articles, now, log: opts.log, ...opts.collab });
    collab = live;
    const photos = new PhotoService(db, { maxBytes: opts.maxPhotoBytes }, now);
    const routes = [...accountRoutes(accounts), ...contractRoutes(db, articles, serverHandlers(db, articles, accounts, now, live)), ...liveRoutes(hub), ...photoRoutes(photos), ...exportRoutes(db, now, (id) => articles.materialise(id)), ...importRoutes(db, now, (event) => void hub.publish(event))];
    routes.push(...ops.routes());
    const http = await startHttp({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0, version, accounts, routes, log: opts.log, tls: opts.tls, allowedOrigins: opts.allowedOrigins, trustProxy: opts.trustProxy, observe: ops.http.observe });
    live.attach(http.server);
    ops.watch(live, hub);
    return {
      url: http.url,
      setupCode,
      db: store,
      collab: live,
      ready: ops.readiness.checks,
      metrics: ops.metrics,
      async close() {
        ops.stopAccepting(http.server);
        hub.close();
        // Live bodies into the article rows while the database is open, then the sockets end.
        await live.close();
        // Requests being answered finish (bounded) while the database is still open.
        await ops.http.settled(REQUESTS_GRACE_MS);
        await http.close();
        // The folder is let go even when the store fails to close (it was lost, or closed already).
        try {
          await store.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await db?.close().catch(() => undefined);
    await lock.release();
    throw err;
  }
}
