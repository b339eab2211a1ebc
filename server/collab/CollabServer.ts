// Live stories on Hocuspocus 3.4 (no listener of its own: upgrades come from the server's HTTP
// listener, collabUpgrade.ts). One document per story, named by its id. What is ours:
//   - who may open it and type (onAuthenticate: session token, schema version, the shared rules);
//   - every update a client sends is appended to PostgreSQL (UpdateLog, group commit) and the
//     client's acknowledgement waits for that commit (durableAck.ts);
//   - the article row gets the stored body and fields on Hocuspocus's debounce and when a document loads and unloads;
//   - workflow steps flip write access live, and approval/correction/restore start a new epoch;
//   - with Redis, several instances share each document (server/instances/: the relay, its epoch
//     guard, and what a dead instance left unstored).
import type { IncomingMessage, Server } from 'node:http';
import { Hocuspocus, type Connection, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { WebSocket, WebSocketServer } from 'ws';
import { COLLAB_REFUSALS, COLLAB_RELOAD_CODE, type CollabStateless } from '../../shared/contract/liveProtocol';
import { readField } from '../../shared/live/articleFields';
import type { LiveEvent } from '../../shared/contract/live';
import type { AccountService } from '../accounts/AccountService';
import type { ArticleService } from '../articles/ArticleService';
import type { Database } from '../db/Database';
import type { ServerLog } from '../ops/serverLog';
import { accessFacts, accessOf } from './collabAccess';
import { authenticateLive, type LiveCaller } from './authenticateLive';
import { CollabRefused } from './refusal';
import { acceptCollabUpgrades } from './collabUpgrade';
import { awaitLiveState } from './awaitLiveState';
import { awaitStored, gateAcks, isGated } from './durableAck';
import { latestEpoch, latestEpochs } from './epochRows';
import { openSessions } from './openSessions';
import { isRelayOfAnotherEpoch, isReplicaOfAnotherEpoch } from './otherEpoch';
import { loadEpoch } from './seedEpoch';
import { EpochClosedError, ReadOnlyNowError, UpdateLog, type AppendHook } from './UpdateLog';
import { compactEpoch } from './updateRows';
import { CoalescedRuns } from './coalescedRuns';
import { collabRedis, RELAYED_ORIGIN } from '../instances/collabRedis';
import { isSyncStep2, RELAYED_GRACE_MS, unstoredPart } from '../instances/relayedUnstored';
import * as decoding from 'lib0/decoding';

export interface CollabOptions {
  db: Database;
  accounts: AccountService;
  articles: ArticleService;
  now: () => Date;
  /** How long an embargo must stay as it is before its change is audited (default 1.5 s). */
  embargoSettleMs?: number;
  /** Hocuspocus's store debounce: how soon the article row gets the live body and fields. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** Appends to one document after which its epoch's rows are merged into one. */
  compactAfter?: number;
  /** How long a step carrying a client's state vector waits for it (LIVE_STATE_WAIT_MS by default). */
  liveStateWaitMs?: number;
  /** How long relayed content may stay unstored before this instance stores it itself (RELAYED_GRACE_MS by default). */
  relayedGraceMs?: number;
  /** Runs inside each append transaction before it commits (tests slow or fail it). */
  beforeCommit?: AppendHook;
  /** How long after a change its document's state vectors are exchanged with the other instances (RESYNC_MS by default). */
  resyncMs?: number;
  /** Tests lose messages from the other instances: true drops one. */
  dropRelayed?: (message: Uint8Array) => boolean;
  log?: ServerLog;
  /** Several instances: documents and awareness relayed through this Redis, under this instance's id. */
  redis?: { url: string; instanceId: string };
}

/** What onAuthenticate puts in a connection's context. */
type Ctx = LiveCaller;

interface LiveDoc {
  epoch: number;
  seedClient: number | null;
  /** Replaced (epoch ended, or an append failed): nothing more of it is stored or materialised. */
  retired: boolean;
  appended: number;
  /** The embargo as the document last held it: a client's change to it is audited with that person. */
  embargo: string | null | undefined;
  /** Another instance relayed content into it (server/instances/relayedUnstored.ts). */
  relayed: boolean;
  /** The last check for relayed content left unstored (storeRelayed): the next waits for it. */
  relayedCheck?: Promise<void>;
}

/** WebSocket close codes: the provider reconnects after either. */
const RELOAD = { code: COLLAB_RELOAD_CODE, reason: 'reload' };
const SIGNED_OUT = { code: 4401, reason: 'unauthenticated' };
/** Closing one document's connection (not the socket): the provider's onClose gets this reason and does not reconnect it. */
const OTHER_EPOCH = { code: 4409, reason: COLLAB_REFUSALS.epoch };

const SESSION_CHECK_MS = 60_000;
/** The longest wait between two tries to end an epoch after a refused update. */
const RESTART_RETRY_MAX_MS = 5000;

/** The connection's WebSocket, in its Hocuspocus context (a symbol: never serialised, never a field of ours). */
const SOCKET = Symbol('collab socket');
/** How long a connection that found the database away waits before its socket is closed for a retry. */
const UNAVAILABLE_PAUSE_MS = 1000;

export class CollabServer {
  readonly hocuspocus: Hocuspocus;
  readonly updates: UpdateLog;
  private readonly docs = new WeakMap<Document, LiveDoc>();
  private readonly accessChecks = new WeakMap<Document, Promise<void>>();
  private readonly sockets = new Set<WebSocket>();
  private wss: WebSocketServer | null = null;
  private closing = false;
  /** Embargo changes waiting to settle before they are audited, by story. */
  private readonly embargoes = new Map<string, { person: LiveCaller['person']; embargo: string | null; from: string | null; timer: ReturnType<typeof setTimeout> }>();
  private readonly timer: NodeJS.Timeout;
  /** The article rows being written from what is stored: one write at a time per story, the requests meanwhile folded into one. */
  private readonly materialising = new CoalescedRuns((articleId) => this.materialise(articleId));

  constructor(private readonly opts: CollabOptions) {
    this.updates = new UpdateLog(opts.db, opts.now, opts.beforeCommit);
    this.hocuspocus = new Hocuspocus({
      name: 'copydesk',
      quiet: true,
      debounce: opts.debounceMs ?? 2000,
      maxDebounce: opts.maxDebounceMs ?? 10_000,
      unloadImmediately: true,
      extensions: opts.redis ? [collabRedis({ url: opts.redis.url, identifier: opts.redis.instanceId, accepts: (message) => this.acceptsRelayed(message), seedOf: (document) => this.docs.get(document)?.seedClient ?? null, resyncMs: opts.resyncMs, log: opts.log })] : [],
      onAuthenticate: (p) =>
        authenticateLive(opts.db, opts.accounts, p.token, p.documentName, p.requestParameters, p.connectionConfig).catch((err: unknown) => {
          if (!(err instanceof CollabRefused)) return this.unavailable(p.context, p.documentName, err);
          opts.log?.(`live connection to ${p.documentName} refused (${err.reason}): ${err.detail}`, 'warn');
          throw err;
        }),
      onLoadDocument: (p) => this.load(p.document).catch((err: unknown) => this.unavailable(p.context, p.documentName, err)),
      afterLoadDocument: async ({ document }) => {
        // After a crash the row may lag behind what was stored (the debounce never ran): catch it up.
        void this.materialising.request(document.name);
      },
      beforeHandleMessage: async ({ connection, update }) => {
        gateAcks(connection);
        const live = this.docs.get(connection.document);
        // Thrown here, Hocuspocus closes this document's connection with the code and reason (the provider's onClose).
        if (live && isReplicaOfAnotherEpoch(update, live.seedClient)) throw Object.assign(new Error('a replica of another epoch'), OTHER_EPOCH);
        // Its ack waits for what a dead instance may have left unstored; the state is taken now, before the client's message applies.
        if (live?.relayed && !live.retired && isSyncStep2(update)) awaitStored(connection, this.storeRelayed(connection.document, live, Y.encodeStateAsUpdate(connection.document)));
      },
      connected: async ({ connection }) => this.opened(connection),
      onStoreDocument: async ({ document }) => this.store(document),
      beforeUnloadDocument: async ({ document }) => {
        // A replaced document is destroyed here, and Hocuspocus must not unload by name (the name is its successor's now).
        if (!this.docs.get(document)?.retired) return;
        document.destroy();
        throw new Error('replaced');
      },
      afterUnloadDocument: async ({ documentName }) => {
        await this.materialising.request(documentName);
        await this.compact(documentName);
      },
    });
    this.timer = setInterval(() => void this.sessionsChanged(), SESSION_CHECK_MS);
    this.timer.unref();
  }

  /** Open WebSockets (signed in to a story or not yet), for /metrics. */
  get openSockets(): number {
    return this.sockets.size;
  }

  /** Takes WebSocket upgrades at COLLAB_PATH on the server's listener. */
  attach(server: Server): void {
    this.wss = acceptCollabUpgrades(server, (ws: WebSocket, req: IncomingMessage) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      this.hocuspocus.handleConnection(ws, req, { [SOCKET]: ws });
    });
  }

  /**
   * A connection that could not be set up for want of the database (PostgreSQL restarting, out of
   * reach): not a refusal. Hocuspocus answers any error in these hooks with permission-denied, after
   * which the provider never retries the document; so the socket is closed first (after a pause, or
   * the provider would reconnect at once, again and again) and the provider reconnects by itself,
   * sending what was not acknowledged.
   */
  private async unavailable(context: unknown, documentName: string, err: unknown): Promise<never> {
    this.opts.log?.(`live connection to ${documentName} not set up, the database did not answer (the client will try again): ${(err as Error)?.message ?? String(err)}`, 'warn');
    const ws = (context as { [SOCKET]?: WebSocket } | undefined)?.[SOCKET];
    if (ws && ws.readyState === ws.OPEN) {
      await new Promise((resolve) => setTimeout(resolve, UNAVAILABLE_PAUSE_MS));
      ws.close(RELOAD.code, RELOAD.reason);
    }
    throw err;
  }

  private async load(document: Document): Promise<void> {
    const { epoch, state, seedClient } = await loadEpoch(this.opts.db, document.name, this.opts.now);
    // Applied with no connection as its origin: not appended again.
    Y.applyUpdate(document, state);
    this.docs.set(document, { epoch, seedClient, retired: false, appended: 0, embargo: readField(document, 'embargo'), relayed: false });
    // Listened to from here on, before the Redis extension subscribes (afterLoadDocument): no relayed update goes unseen.
    document.on('update', (update: Uint8Array, origin: unknown) => this.received(document, update, origin));
  }

  /** A message from another instance: not one from a replica of another epoch of this story (collabRedis.ts). */
  private acceptsRelayed(message: Uint8Array): boolean {
    if (this.opts.dropRelayed?.(message)) return false;
    const document = this.hocuspocus.documents.get(decoding.readVarString(decoding.createDecoder(message)));
    if (!document) return true; // not loaded here: the extension ignores it
    const live = this.docs.get(document);
    return live !== undefined && !live.retired && !isRelayOfAnotherEpoch(message, live.seedClient);
  }

  /** Stores what `memory` holds beyond the stored rows (relayedUnstored.ts); a failure withholds the ack and reloads the document. */
  private storeRelayed(document: Document, live: LiveDoc, memory: Uint8Array): Promise<void> {
    // The checks of one document take turns: after an instance died its clients come back at once,
    // and once the first has stored what was missing the others find nothing (one read each).
    const before = live.relayedCheck;
    const stored = (async () => {
      await before;
      await this.updates.flush();
      const part = await unstoredPart(this.opts.db, document.name, live.epoch, memory, this.opts.relayedGraceMs ?? RELAYED_GRACE_MS, () => live.retired);
      if (!part || live.retired) return;
      this.opts.log?.(`live content of ${document.name} relayed from another instance but not stored there: stored here`);
      await this.updates.append({ articleId: document.name, epoch: live.epoch, update: part, personId: null });
    })();
    live.relayedCheck = stored.catch(() => undefined);
    stored.catch((err: Error) => {
      this.opts.log?.(`relayed content of ${document.name} not stored: ${err.message}`);
      this.retire(document, refusedByState(err) ? 0 : UNAVAILABLE_PAUSE_MS);
    });
    return stored;
  }

  private opened(connection: Connection): void {
    const live = this.docs.get(connection.document);
    if (!live) return;
    send(connection, { type: 'epoch', epoch: live.epoch });
    send(connection, { type: 'access', readOnly: connection.readOnly });
  }

  /** An update applied to the document in memory: from a client connection, it is appended before it is acknowledged. */
  private received(document: Document, update: Uint8Array, origin: unknown): void {
    if (origin === RELAYED_ORIGIN) {
      const live = this.docs.get(document);
      if (live) live.relayed = true;
      return;
    }
    if (!isGated(origin)) return;
    const live = this.docs.get(document);
    // Closing: not stored, so never acknowledged; the client sends it again to the next server.
    if (!live || live.retired || this.closing) {
      awaitStored(origin, Promise.reject(new Error('document replaced')));
      return;
    }
    const person = (origin.context as Ctx).person;
    const append = this.updates.append({ articleId: document.name, epoch: live.epoch, update, personId: person.id }, person.role);
    awaitStored(origin, append);
    // Set, moved or lifted by this update (one that does not read is not an embargo: the row keeps its own).
    const embargo = readField(document, 'embargo');
    const before = live.embargo;
    const embargoMoved = embargo !== undefined && embargo !== before;
    if (embargoMoved) live.embargo = embargo;
    append.then(
      () => {
        live.appended += 1;
        if (embargoMoved) this.auditEmbargo(document.name, person, embargo ?? null, before ?? null);
        if (live.appended % (this.opts.compactAfter ?? 500) === 0) void this.compact(document.name);
      },
      (err: Error) => {
        this.opts.log?.(`live update for ${document.name} not stored: ${err.message}`);
        if (err instanceof ReadOnlyNowError) void this.endAfterRefusal(document, live);
        else this.retire(document, refusedByState(err) ? 0 : UNAVAILABLE_PAUSE_MS);
      },
    );
  }

  /**
   * An update refused because its writer may no longer edit: its words went out to this document's
   * other clients and to the other instances before the refusal, so the epoch ends (restartLive),
   * and none of them can store them. Nothing more is stored from this document at once; its
   * clients are sent to reload only once the epoch has ended — earlier, a client allowed to edit
   * that received the words would send them straight back into the still-open epoch as its own.
   * Tried again until the database answers (a failure would leave the epoch open to them).
   */
  private async endAfterRefusal(document: Document, live: LiveDoc): Promise<void> {
    if (live.retired) return; // one refusal of the batch ends it; the rest find it ending
    this.stopStoring(document);
    for (let wait = 500; !this.closing; wait = Math.min(wait * 2, RESTART_RETRY_MAX_MS)) {
      try {
        if (await this.opts.articles.restartLive(document.name, live.epoch)) this.opts.log?.(`live epoch ${live.epoch} of ${document.name} ended after a refused update; its clients reload`);
        break;
      } catch (err) {
        this.opts.log?.(`live epoch ${live.epoch} of ${document.name} not ended after a refused update (tried again in ${wait} ms): ${(err as Error).message}`, 'warn');
        await new Promise((resolve) => setTimeout(resolve, wait).unref());
      }
    }
    this.reload(document, 0);
  }

  /**
   * An embargo change is audited once it has settled: a time picker sends every step of a time
   * being set (the year, then the day…), and each would be an entry. The person is the last one
   * who changed it; the entry records where it ended up (nothing, if back where it started).
   */
  private auditEmbargo(articleId: string, person: LiveCaller['person'], embargo: string | null, before: string | null): void {
    const pending = this.embargoes.get(articleId);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => void this.recordEmbargo(articleId), this.opts.embargoSettleMs ?? 1500);
    this.embargoes.set(articleId, { person, embargo, from: pending ? pending.from : before, timer });
  }

  private async recordEmbargo(articleId: string): Promise<void> {
    const pending = this.embargoes.get(articleId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.embargoes.delete(articleId);
    if (pending.embargo === pending.from) return;
    try {
      await this.opts.articles.recordLiveEmbargo(pending.person, articleId, pending.embargo);
    } catch (err) {
      this.opts.log?.(`embargo change in ${articleId} not audited: ${(err as Error).message}`);
    }
  }

  /**
   * Drops a document from memory for good: its clients reconnect (their unacknowledged changes
   * kept) and load what is stored. Used when an append failed and when its epoch ended.
   */
  private retire(document: Document, pauseMs = 0): void {
    if (this.docs.get(document)?.retired) return;
    this.stopStoring(document);
    this.reload(document, pauseMs);
  }

  /** Nothing more of the document is stored or materialised; a client opening the story now gets a fresh one. */
  private stopStoring(document: Document): void {
    const live = this.docs.get(document);
    if (live) live.retired = true;
    if (this.hocuspocus.documents.get(document.name) === document) this.hocuspocus.documents.delete(document.name);
  }

  /** The document's clients are sent to reload (after `pauseMs`), keeping what was not acknowledged. */
  private reload(document: Document, pauseMs: number): void {
    if (document.getConnectionsCount() === 0) return document.destroy();
    // After a database failure (a full disk) the clients come back at most once a pause, not at
    // once with the next keystroke: what they send meanwhile is not acknowledged, so it is kept.
    const reload = () => {
      for (const connection of document.getConnections()) connection.webSocket.close(RELOAD.code, RELOAD.reason);
    };
    if (pauseMs > 0) setTimeout(reload, pauseMs).unref();
    else reload();
  }

  /**
   * On Hocuspocus's debounce: the stored body and fields into the article row. Not waited for: the
   * document's save mutex is then free at once, so Hocuspocus never queues a store per change
   * behind a slow one (coalescedRuns.ts); the unload and the close wait for the writes themselves.
   */
  private async store(document: Document): Promise<void> {
    if (this.docs.get(document)?.retired !== false) return;
    void this.materialising.request(document.name);
  }

  /** The body and fields as stored (never this server's memory) into the article row, once the appends in flight are in. */
  private async materialise(articleId: string, closing = false): Promise<void> {
    if (this.closing !== closing) return;
    try {
      await this.updates.flush();
      await this.opts.articles.materialise(articleId);
    } catch (err) {
      this.opts.log?.(`live copy of ${articleId} not materialised: ${(err as Error).message}`);
    }
  }

  private async compact(articleId: string, closing = false): Promise<void> {
    if (this.closing !== closing) return;
    try {
      const latest = await latestEpoch(this.opts.db, articleId);
      if (latest && !latest.closed) await compactEpoch(this.opts.db, articleId, latest.epoch);
    } catch (err) {
      this.opts.log?.(`live updates of ${articleId} not compacted: ${(err as Error).message}`);
    }
  }

  /** A committed change to a story (ArticleService's committed hook): its connections' access follows it. */
  articleChanged(event: LiveEvent): void {
    if (event.type === 'resync') return;
    const id = event.type === 'article' ? event.summary.id : event.id;
    const document = this.hocuspocus.documents.get(id);
    if (!document) return;
    if (event.type === 'removed') return this.retire(document);
    this.checkAccess(document);
  }

  /** Checks in the background: the database away, the next change or the minute's session check tries again. */
  private checkAccess(document: Document): void {
    this.accessChecked(document).catch(() => undefined);
  }

  /** One check at a time per document, in the order asked; rejects if the database is away. */
  private accessChecked(document: Document): Promise<void> {
    const check = (this.accessChecks.get(document) ?? Promise.resolve()).then(() => this.refreshAccess(document));
    this.accessChecks.set(document, check.catch(() => undefined));
    return check;
  }

  private async refreshAccess(document: Document): Promise<void> {
    const facts = await accessFacts(this.opts.db, document.name);
    for (const connection of document.getConnections()) {
      const access = facts ? accessOf(facts.article, facts.settings, (connection.context as Ctx).person) : { visible: false as const };
      if (!access.visible) {
        connection.webSocket.close(RELOAD.code, RELOAD.reason);
        continue;
      }
      if (access.readOnly === connection.readOnly) continue;
      connection.readOnly = access.readOnly;
      send(connection, { type: 'access', readOnly: access.readOnly });
    }
  }

  /** Resolves once the story's stored live state holds `stateVector` (base64); `conflict` after a bounded wait. */
  awaitState(id: string, stateVector: string, ms = this.opts.liveStateWaitMs): Promise<void> {
    return awaitLiveState(
      {
        db: this.opts.db,
        inMemory: (name) => {
          const document = this.hocuspocus.documents.get(name);
          return document && this.docs.get(document)?.retired === false ? document : undefined;
        },
        flush: () => this.updates.flush(),
      },
      id,
      stateVector,
      ms,
    );
  }

  /** A step closed epoch `epoch` of the story: its clients reload into the next one (a later epoch's document, loaded since, stays: a late or resent signal). */
  epochClosed(id: string, epoch: number): void {
    const document = this.hocuspocus.documents.get(id);
    const live = document && this.docs.get(document);
    if (document && (!live || live.epoch <= epoch)) this.retire(document);
  }

  /**
   * Signals from the other instances may have gone unheard (InstanceBus's mend): every document
   * loaded here is checked against what is stored — its epoch ended, a step changed who may type,
   * the story was removed, a session ended — as the signals would have had it. Rejects if the
   * database is away, so that the mend is tried again.
   */
  async catchUp(): Promise<void> {
    const loaded = [...this.hocuspocus.documents.values()].flatMap((document) => {
      const live = this.docs.get(document);
      return live && !live.retired ? [{ document, live }] : [];
    });
    if (loaded.length > 0) {
      const latest = await latestEpochs(this.opts.db, loaded.map((l) => l.document.name));
      for (const { document, live } of loaded) {
        const now = latest.get(document.name);
        // No epoch row left: the story is gone (its rows go with it).
        if (!now || now.epoch > live.epoch || now.closed) this.epochClosed(document.name, live.epoch);
      }
    }
    await this.recheckSessions();
  }

  /**
   * Sessions may have ended (sign-out, revocation, a person switched off): their connections
   * close. A person whose role changed keeps the connection, with the access the new role gives.
   * The database away, the minute's check tries again.
   */
  async sessionsChanged(): Promise<void> {
    await this.recheckSessions().catch(() => undefined);
  }

  private async recheckSessions(): Promise<void> {
    const documents = [...this.hocuspocus.documents.values()];
    const connections = documents.flatMap((d) => d.getConnections());
    if (connections.length === 0) return;
    const open = await openSessions(this.opts.db, connections.map((c) => (c.context as Ctx).sessionId), this.opts.now());
    for (const c of connections) {
      const ctx = c.context as Ctx;
      const person = open.get(ctx.sessionId);
      if (!person) c.webSocket.close(SIGNED_OUT.code, SIGNED_OUT.reason);
      else ctx.person = person;
    }
    await Promise.all(documents.map((document) => this.accessChecked(document)));
  }

  /**
   * Everything acknowledged is stored already. Input stops first (the sockets end: each client
   * keeps what was not acknowledged and sends it to the next server), then the appends in flight
   * commit and every document that was loaded gets its article row from what is stored.
   */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const loaded = [...this.hocuspocus.documents.keys()];
    // From here the unload hooks leave storing to this (the database may close right after).
    this.closing = true;
    for (const ws of this.sockets) ws.terminate();
    // The Redis extension's connections.
    await this.hocuspocus.hooks('onDestroy', { instance: this.hocuspocus });
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    await this.updates.flush();
    // Writes begun before the close finish before the last ones (and before the database closes).
    await this.materialising.idle();
    for (const articleId of [...this.embargoes.keys()]) await this.recordEmbargo(articleId);
    for (const articleId of loaded) {
      await this.materialise(articleId, true);
      await this.compact(articleId, true);
    }
  }
}

/** An append refused for what the story is now (its epoch ended, its writer read-only), not for want of the database. */
function refusedByState(err: Error): boolean {
  return err instanceof EpochClosedError || err instanceof ReadOnlyNowError;
}

function send(connection: Connection, message: CollabStateless): void {
  connection.sendStateless(JSON.stringify(message));
}
