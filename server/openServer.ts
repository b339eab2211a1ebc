// Starts a newsroom server: locks --data (PGlite takes no lock of its own, and even with a real
// PostgreSQL one folder belongs to one server), opens the store, applies the migrations, and
// listens. While nobody has an account it issues the one-time setup code for the first admin.
// With `redis`, it is one of several instances behind one address: the live documents go through
// Hocuspocus's Redis extension and our own signals through InstanceBus (server/instances/).
import { randomUUID } from 'node:crypto';
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
import { issueSetupCode, withdrawSetupCode } from './accounts/setupCode';
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
import { InstanceBus, type Signal } from './instances/InstanceBus';
import { checkRedis } from './instances/redisClient';

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
  /** Proxies elsewhere (addresses, CIDR subnets: --trust-proxy) trusted to forward clients' addresses too. */
  trustedProxies?: readonly string[];
  /** The largest photo taken (the contract's MAX_PHOTO_BYTES unless a test sets less). */
  maxPhotoBytes?: number;
  /** Live documents: the store debounce, compaction, and (tests) a hook inside each append. */
  /**
   * A redis:// URL: one of several instances sharing one real PostgreSQL (refused with PGlite,
   * which one process holds: several instances cannot share it, and one needs no Redis).
   */
  redis?: string;
  collab?: Pick<CollabOptions, 'debounceMs' | 'maxDebounceMs' | 'compactAfter' | 'beforeCommit' | 'liveStateWaitMs' | 'embargoSettleMs' | 'resyncMs' | 'dropRelayed'>;
  /** Tests lose signals from the other instances on the way here: true drops one (InstanceBus). */
  dropSignal?: (signal: Signal) => boolean;
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
  /** This instance's id among several (the Redis relay's), or null alone. */
  instanceId: string | null;
  close(): Promise<void>;
}

export const SERVER_VERSION = version;

export const REDIS_NEEDS_POSTGRES = 'several instances (--redis) need a real PostgreSQL (--database): the embedded database belongs to one process';

export async function openServer(opts: ServerOptions): Promise<ServerHandle> {
  if (opts.redis && !opts.databaseUrl) throw new Error(REDIS_NEEDS_POSTGRES);
  await mkdir(opts.dataDir, { recursive: true });
  const lock = await LibraryLock.acquire(opts.dataDir);
  let db: Database | null = null;
  const ops = new ServerOps(opts);
  // Every part below logs through this one (its errors are counted on /metrics).
  opts = { ...opts, log: ops.log };
  let bus: InstanceBus | null = null;
  try {
    db = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.log) : await openPglite(pgliteDir(opts.dataDir));
    db = ops.database(db);
    await migrate(db);
    const now = opts.now ?? (() => new Date());
    const store = db;
    const instanceId = opts.redis ? `copydesk-${randomUUID()}` : null;
    if (opts.redis) await checkRedis(opts.redis);
    const hub = new LiveHub(db, async () => visibleTo.bind(null, await readSettings(store)), now);
    // Told late: the live documents need the services made here, and the services tell them.
    let collab: CollabServer | null = null;
    // Each signal applied here, whether it originated here or on another instance (then `bus` tells the others).
    // A signal from another instance may arrive while this one's database is away: what fails is
    // logged, never left to reject unhandled (that would end the process).
    const settle = (work: Promise<unknown> | undefined, what: string) => void work?.catch((err: unknown) => opts.log?.(`${what} failed: ${(err as Error).message}`, 'warn'));
    const apply = (signal: Signal) => {
      if (signal.kind === 'committed') {
        settle(hub.publish(signal.event), 'a live-channel push');
        collab?.articleChanged(signal.event);
      } else if (signal.kind === 'pushed') settle(hub.publish(signal.event), 'a live-channel push');
      else if (signal.kind === 'epochClosed') collab?.epochClosed(signal.id, signal.epoch);
      else {
        settle(hub.sessionsChanged(), 'the live channel\'s session check');
        settle(collab?.sessionsChanged(), 'the live documents\' session check');
      }
    };
    // Signals from the others may have gone unheard: what they would have done, from the database.
    // The database away, this rejects and the bus tries again later; the clients are told to
    // reload only once the database answers (a reload before would only fail).
    const mend = async () => {
      await collab?.catchUp();
      await store.query('SELECT 1');
      settle(hub.sessionsChanged(), 'the live channel\'s session check');
      settle(hub.publish({ type: 'resync' }), 'a live-channel push');
    };
    const local = (signal: Signal) => {
      apply(signal);
      bus?.publish(signal);
    };
    if (opts.redis && instanceId) {
      const opened = await InstanceBus.open(opts.redis, instanceId, { apply, mend }, { log: opts.log, dropIncoming: opts.dropSignal });
      bus = opened;
      // Ready only while Redis answers: an instance cut off from the others must not take clients.
      ops.readiness.checks.push({ name: 'redis', check: () => opened.ping() });
    }
    const accounts = new AccountService(db, opts.now, opts.sessionTtlMs, () => local({ kind: 'sessionsChanged' }));
    const setupCode = await issueSetupCode(db);
    const articles = new ArticleService(db, now, {
      committed: (event) => local({ kind: 'committed', event }),
      onWrite: indexArticle,
      onRemove: removeArticle,
      live: liveContent(now, (id, epoch) => local({ kind: 'epochClosed', id, epoch })),
    });
    const live = new CollabServer({ db, accounts, articles, now, log: opts.log, ...opts.collab, redis: opts.redis && instanceId ? { url: opts.redis, instanceId } : undefined });
    collab = live;
    const photos = new PhotoService(db, { maxBytes: opts.maxPhotoBytes }, now);
    const routes = [...accountRoutes(accounts), ...contractRoutes(db, articles, serverHandlers(db, articles, accounts, now, live)), ...liveRoutes(hub), ...photoRoutes(photos), ...exportRoutes(db, now, (id) => articles.materialise(id)), ...importRoutes(db, now, (event) => local({ kind: 'pushed', event }))];
    routes.push(...ops.routes());
    const http = await startHttp({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0, version, accounts, routes, log: opts.log, tls: opts.tls, allowedOrigins: opts.allowedOrigins, trustProxy: opts.trustProxy, trustedProxies: opts.trustedProxies, observe: ops.http.observe });
    live.attach(http.server);
    ops.watch(live, hub);
    return {
      url: http.url,
      setupCode,
      db: store,
      collab: live,
      ready: ops.readiness.checks,
      metrics: ops.metrics,
      instanceId,
      async close() {
        ops.stopAccepting(http.server);
        hub.close();
        // Live bodies into the article rows while the database is open, then the sockets end.
        await live.close();
        // Requests being answered finish (bounded) while the database is still open.
        await ops.http.settled(REQUESTS_GRACE_MS);
        await http.close();
        // Only now: a step or a sign-out answered during the stop still reaches the other instances.
        bus?.close();
        // The folder is let go even when the store fails to close (it was lost, or closed already).
        try {
          if (setupCode) await withdrawSetupCode(store, setupCode).catch((err: Error) => opts.log?.(`the setup code was not withdrawn: ${err.message}`, 'warn'));
          await store.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    bus?.close();
    await db?.close().catch(() => undefined);
    await lock.release();
    throw err;
  }
}
