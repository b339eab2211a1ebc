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

export interface ServerOptions {
  dataDir: string;
  /** A postgres:// URL; without one, PGlite in the data folder. */
  databaseUrl?: string;
  host?: string;
  port?: number;
  now?: () => Date;
  sessionTtlMs?: number;
  log?: (line: string) => void;
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
  close(): Promise<void>;
}

export const SERVER_VERSION = version;

export async function openServer(opts: ServerOptions): Promise<ServerHandle> {
  await mkdir(opts.dataDir, { recursive: true });
  const lock = await LibraryLock.acquire(opts.dataDir);
  let db: Database | null = null;
  try {
    db = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.log) : await openPglite(pgliteDir(opts.dataDir));
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
    const http = await startHttp({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0, version, accounts, routes, log: opts.log, tls: opts.tls, allowedOrigins: opts.allowedOrigins, trustProxy: opts.trustProxy });
    live.attach(http.server);
    return {
      url: http.url,
      setupCode,
      db: store,
      collab: live,
      async close() {
        hub.close();
        // Live bodies into the article rows while the database is open, then the sockets end.
        await live.close();
        await http.close();
        await store.close();
        await lock.release();
      },
    };
  } catch (err) {
    await db?.close().catch(() => undefined);
    await lock.release();
    throw err;
  }
}
