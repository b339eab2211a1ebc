// One story open live in this core: a replica Y.Doc joined to the server's document through a
// Hocuspocus provider, and the presence (awareness) of everyone in it. The windows holding the
// story see the replica's changes and presence as events; what a window sends is applied here with
// RENDERER_ORIGIN and goes on to the server from the provider.
//
// Each story has a WebSocket of its own, not one per core: the URL carries the replica's epoch
// (shared/contract/liveProtocol.ts), and the server closes a connection's whole socket when a
// story's epoch ends, which would drop every other story on a shared one.
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { ApiError } from '../../../shared/contract/errors';
import type { LiveEndReason, LiveStatus, LiveStoryEvent } from '../../../shared/contract/liveStory';
import { collabUrl, COLLAB_REFUSALS, COLLAB_RELOAD_CODE, parseCollabStateless } from '../../../shared/contract/liveProtocol';
import { offlineError, refusalError } from './liveRefusal';
import { readBody } from '../../../shared/live/bodyFragment';
import { readFieldsPartial } from '../../../shared/live/articleFields';
import type { LateCopy } from './lateRevisions';
import type { ReplicaContents, ReplicaLog } from './replicaLog';

/** The origin of what a window sent: the provider sends it on; it is echoed only to other windows. */
export const RENDERER_ORIGIN = Symbol('renderer');
/** Presence said again to the server after a reconnection (not news to the windows). */
const RESEND_ORIGIN = Symbol('resend');
/** The origin of what the replica on disk held when the story was opened again. */
const REPLICA_ORIGIN = Symbol('replica');

/**
 * `ws` with an error listener of its own: the provider removes its listeners before closing a
 * socket, and `ws` reports closing one still connecting as an 'error' event; with no listener that
 * is an uncaught exception (in Electron, the main process). The provider still hears every error.
 */
class ListenedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

/**
 * The provider's socket without its offline queue. Hocuspocus queues what is sent while the socket
 * is not open and sends it after the next connection's first answer, where the server acknowledges
 * each queued update before the sync that follows: the count of unacknowledged changes then reached
 * 0 while the sync carrying the rest was still being stored, and "stored" was said too early. Every
 * change is in the replica, and the sync on connection carries all of it, so nothing queued is needed.
 */
class SyncOnlySocket extends HocuspocusProviderWebsocket {
  override send(message: unknown): void {
    if (this.webSocket?.readyState === WebSocket.OPEN) super.send(message);
  }
}

/**
 * The longest wait between two attempts to reconnect (Hocuspocus doubles it from 1 s, with jitter;
 * its own cap, 30 s, left people typing "not stored" for up to half a minute after a restarted
 * server was back: 28 s measured in e2e/liveKill.spec.ts after 15 s down).
 */
export const RECONNECT_MAX_DELAY_MS = 5000;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export interface LiveStoryOptions {
  id: string;
  server: string;
  /** Read on every (re)connection, so a new sign-in's token is used; never leaves the core. */
  token: () => string;
  emit: (event: LiveStoryEvent) => void;
  /** The server refused the story after it was open (an ended epoch, session or access): the core lets it go. */
  ended: (story: LiveStory, reason: LiveEndReason) => void;
  /** How long opening waits for the first sync before it says offline. */
  openTimeoutMs: number;
  /** Keeps the body and fields this machine had when the server dropped its last changes (a late revision). */
  keepLate: (id: string, copy: LateCopy) => Promise<void>;
  /** How long after turning read-only the server's acknowledgements may still come for changes sent before. */
  lateGraceMs?: number;
  /**
   * The story's replica on this machine's disk and what it held: the document starts from it, so a
   * story opened before opens again offline, and what was typed offline goes out on connection.
   */
  replica?: { log: ReplicaLog; contents: ReplicaContents } | null;
}

/** Acks for changes sent just before a step arrive within a group commit; this is far above it. */
export const LATE_GRACE_MS = 1500;

export class LiveStory {
  readonly id: string;
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly socket: SyncOnlySocket;
  private readonly provider: HocuspocusProvider;
  /** Opens minus closes: the windows holding the story (a window may hold it twice). */
  holders = 0;
  /** Settles at the first sync (or the refusal, timeout, or a dropped connection before it). */
  readonly ready: Promise<void>;
  private synced = false;
  /** Windows hold the replica's state: from the first sync, or at once when the disk held the story. */
  private shown = false;
  /** Changes typed on this machine before it was last closed that the server never acknowledged. */
  private unsentFromDisk = false;
  /** A window's change since the server last acknowledged everything (the provider's count also holds its own sync). */
  private typedSinceAck = false;
  /** The awareness clients of this core's windows. */
  private readonly windowClients = new Set<number>();
  private readonly replica: ReplicaLog | null;
  /** When the server last held everything this machine typed (ISO). */
  private syncedAt: string | undefined;
  private status: LiveStatus = { readOnly: false, unsynced: 0, connected: false, seq: 0 };
  private settle: (err?: ApiError) => void = () => undefined;
  private destroyed = false;
  private lateTimer: ReturnType<typeof setTimeout> | null = null;
  private replicaClosed: Promise<void> = Promise.resolve();

  constructor(private readonly opts: LiveStoryOptions) {
    this.id = opts.id;
    // The replica is no person: it shows no presence of its own (windows set theirs).
    this.awareness.setLocalState(null);
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(offlineError(opts.server, `no sync within ${opts.openTimeoutMs} ms`)), opts.openTimeoutMs);
      this.settle = (err) => {
        clearTimeout(timer);
        this.settle = () => undefined;
        if (err) reject(err);
        else resolve();
      };
    });
    this.ready.catch(() => undefined);
    this.replica = opts.replica?.log ?? null;
    // A write that failed (a full disk): the windows are told their words are no longer kept here.
    if (this.replica) {
      this.replica.onFailed = () => {
        this.status = { ...this.status, seq: this.status.seq + 1 };
        this.emitStatus();
      };
    }
    const stored = opts.replica?.contents;
    if (stored?.updates.length) {
      Y.applyUpdate(this.doc, Y.mergeUpdates(stored.updates), REPLICA_ORIGIN);
      this.unsentFromDisk = stored.unsent;
      this.syncedAt = stored.syncedAt ?? undefined;
      // The story as this machine last had it opens now, connected or not; the server's changes follow as events.
      this.shown = true;
      this.settle();
    }
    // `ws` sends no Origin header: the server refuses upgrades that carry one (browsers).
    this.socket = new SyncOnlySocket({ url: collabUrl(opts.server, stored?.updates.length ? (stored.epoch ?? undefined) : undefined), WebSocketPolyfill: ListenedWebSocket, maxDelay: RECONNECT_MAX_DELAY_MS });
    this.provider = new HocuspocusProvider({ name: opts.id, document: this.doc, awareness: this.awareness, websocketProvider: this.socket, token: opts.token });
    this.listen();
    // A provider given its socket joins only when attached (ENGINEERING.md, the newsroom server).
    this.provider.attach();
  }

  private listen(): void {
    const p = this.provider;
    p.on('authenticated', ({ scope }: { scope: string }) => this.setStatus({ readOnly: scope === 'readonly' }));
    p.on('authenticationFailed', ({ reason }: { reason: string }) => {
      const refusal = refusalError(reason, this.id);
      this.settle(refusal);
      this.setStatus({ connected: false });
      // Refused on a reconnection: the windows' copies cannot join again (an ended epoch) or may not.
      if (this.shown) this.opts.ended(this, reason === COLLAB_REFUSALS.epoch ? 'epoch' : (refusal.code as LiveEndReason));
    });
    p.on('synced', () => {
      this.synced = true;
      this.shown = true;
      // The server knew nobody's presence from this machine after a reconnection: the windows' is said again
      // (the provider sends only its own, and this replica has none; nothing sent while offline was queued).
      const present = [...this.windowClients].filter((c) => this.awareness.getStates().has(c));
      if (present.length) this.awareness.emit('update', [{ added: [], updated: present, removed: [] }, RESEND_ORIGIN]);
      if (p.unsyncedChanges === 0 && !this.unsentFromDisk) this.syncedAt = new Date().toISOString();
      this.settle();
      this.setStatus({ connected: true, unsynced: p.unsyncedChanges });
    });
    const dropped = () => {
      this.settle(offlineError(this.opts.server, 'the connection closed'));
      this.setStatus({ connected: false });
    };
    p.on('close', ({ event }: { event?: { code?: number } }) => {
      dropped();
      // Closed by the server for a reload (the epoch ended): ask again at once, so the core learns
      // it now, not at the end of a backoff (a step taken meanwhile would carry the old document's state).
      if (event?.code === COLLAB_RELOAD_CODE) setTimeout(() => this.reconnectNow(), 0);
    });
    p.on('disconnect', dropped);
    p.on('unsyncedChanges', ({ number }: { number: number }) => {
      const was = this.status.unsynced;
      // Everything sent is stored on the server, what this machine held from before too (sent at the sync).
      if (number === 0 && this.synced) {
        this.unsentFromDisk = false;
        this.typedSinceAck = false;
        this.syncedAt = new Date().toISOString();
        this.replica?.acked(this.syncedAt);
        this.replica?.maybeCompact(() => Y.encodeStateAsUpdate(this.doc));
      }
      number = this.unsentCount(number);
      this.status = { ...this.status, unsynced: number, seq: this.status.seq + 1, ...(this.syncedAt ? { syncedAt: this.syncedAt } : {}) };
      // Said when it starts and when everything sent is stored, not at every keystroke.
      if ((was === 0) !== (number === 0)) this.emitStatus();
    });
    p.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseCollabStateless(payload);
      if (message?.type === 'access') {
        this.setStatus({ readOnly: message.readOnly });
        if (message.readOnly) this.checkDropped();
      }
      // A reconnection names the epoch this replica belongs to; the server refuses it once that has ended.
      if (message?.type === 'epoch') {
        this.socket.configuration.url = collabUrl(this.opts.server, message.epoch);
        this.replica?.epoch(message.epoch);
      }
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RENDERER_ORIGIN) this.typedSinceAck = true;
      if (origin !== REPLICA_ORIGIN) this.replica?.update(update, origin === RENDERER_ORIGIN);
      // Before the first sync nobody holds the story yet (the opener gets the whole state in its answer).
      if (!this.shown || !this.echoes(origin)) return;
      // A window's own change echoed to the story's other windows says so: it is this person's, not another's.
      this.opts.emit({ type: 'liveUpdate', id: this.id, update: toBase64(update), ...(origin === RENDERER_ORIGIN ? { fromWindow: true as const } : {}) });
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      // The windows' presence, to say again to the server after a reconnection (it forgot it).
      if (origin === RENDERER_ORIGIN) {
        for (const client of [...added, ...updated]) this.windowClients.add(client);
        for (const client of removed) this.windowClients.delete(client);
      }
      if (origin === RESEND_ORIGIN || !this.shown || !this.echoes(origin)) return;
      this.opts.emit({ type: 'liveAwareness', id: this.id, update: toBase64(encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed])) });
    });
  }

  /**
   * Turned read-only: changes this machine sent after the step were dropped by the server (never
   * acknowledged). Once the acks for what went before have had time to come, anything still
   * unacknowledged is kept as a late revision and the story is let go, so the windows open it
   * again as the server holds it (the screen never shows words the newsroom does not have).
   */
  private checkDropped(): void {
    if (this.lateTimer) return;
    this.lateTimer = setTimeout(() => {
      this.lateTimer = null;
      if (this.destroyed || !this.status.readOnly || !this.hasUnsent()) return;
      void this.opts.keepLate(this.id, { body: readBody(this.doc), fields: readFieldsPartial(this.doc) }).then(
        () => this.opts.ended(this, 'lateRevision'),
        // Not kept (a full disk): the story stays as it is, its changes unsent, and says so by its status.
        () => undefined,
      );
    }, this.opts.lateGraceMs ?? LATE_GRACE_MS);
  }

  /** The story's body and fields as this replica holds them now. */
  copy(): LateCopy {
    return { body: readBody(this.doc), fields: readFieldsPartial(this.doc) };
  }

  /** What this machine typed that the server has not acknowledged, to keep before the story is let go for good; null when there is none. */
  unsentCopy(): LateCopy | null {
    if (this.destroyed || !this.hasUnsent()) return null;
    return { body: readBody(this.doc), fields: readFieldsPartial(this.doc) };
  }

  /** Changes the server has not acknowledged: sent and waiting, or typed here before a restart. */
  private hasUnsent(): boolean {
    return this.typedSinceAck || this.unsentFromDisk;
  }

  /** Words typed here that the server has not stored, in a story the windows were shown (never a refused first open). */
  get hasUnsentWords(): boolean {
    return this.shown && !this.destroyed && this.hasUnsent();
  }

  /** What the windows are told waits for the server: at least one while the disk holds unsent changes. */
  private unsentCount(fromProvider: number): number {
    return Math.max(fromProvider, this.unsentFromDisk ? 1 : 0);
  }

  /** The story's replica on disk has no further use: its epoch ended, or the story went (kept first as a late revision if need be). */
  async forget(): Promise<void> {
    await this.replica?.remove();
  }

  /**
   * The newsroom is reachable again (its event channel is back): try now rather than at the end of
   * the provider's backoff, which can be up to RECONNECT_MAX_DELAY_MS (measured: the last of ten
   * stories merged 3 s after the server was back, bench/offlineBench.ts).
   */
  reconnectNow(): void {
    // Only while waiting between attempts: one in flight is not cut short (it would be a second connection).
    if (this.destroyed || this.status.connected || this.socket.status !== WebSocketStatus.Disconnected) return;
    void this.socket.connect().catch(() => undefined);
  }

  /** Whether the story has a replica on disk (one that could be written). */
  get hasReplica(): boolean {
    return this.replica !== null && this.replica.failed === null;
  }

  /** Everything this machine typed is on its disk. */
  async flushReplica(): Promise<void> {
    await this.replica?.flush();
  }

  /** A window's own change goes back only when another window holds the story too. */
  private echoes(origin: unknown): boolean {
    return origin !== RENDERER_ORIGIN || this.holders > 1;
  }

  private setStatus(patch: Partial<LiveStatus>): void {
    const next = { ...this.status, ...patch };
    if (next.readOnly === this.status.readOnly && next.connected === this.status.connected && next.unsynced === this.status.unsynced) return;
    this.status = { ...next, seq: this.status.seq + 1 };
    this.emitStatus();
  }

  private emitStatus(): void {
    // Before the first sync the opener's answer carries the status.
    if (this.shown && !this.destroyed) this.opts.emit({ type: 'liveStatus', id: this.id, status: this.currentStatus() });
  }

  currentStatus(): LiveStatus {
    return {
      ...this.status,
      unsynced: this.unsentCount(this.status.unsynced),
      ...(this.syncedAt ? { syncedAt: this.syncedAt } : {}),
      ...(this.replica?.failed ? { notKept: true } : {}),
    };
  }

  /** The replica's whole state, base64: a window's document starts from exactly this. */
  state(): string {
    return toBase64(Y.encodeStateAsUpdate(this.doc));
  }

  /** Everyone's presence now, pushed to the windows after an open (null when nobody has any). */
  presence(): string | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length ? toBase64(encodeAwarenessUpdate(this.awareness, clients)) : null;
  }

  /** A window's change. Refused while the workflow makes the copy read-only (the server would drop it). */
  applyUpdate(update: string): void {
    if (this.status.readOnly) throw new ApiError('forbidden', `live story ${this.id} is read-only for this person now`, { reason: 'readOnly' });
    try {
      Y.applyUpdate(this.doc, fromBase64(update), RENDERER_ORIGIN);
    } catch (err) {
      throw new ApiError('invalidInput', `not a Yjs update for live story ${this.id}: ${(err as Error).message}`, { field: 'update' });
    }
  }

  /** A window's caret and name (an awareness update for its own client). */
  applyAwareness(update: string): void {
    try {
      applyAwarenessUpdate(this.awareness, fromBase64(update), RENDERER_ORIGIN);
    } catch (err) {
      throw new ApiError('invalidInput', `not an awareness update for live story ${this.id}: ${(err as Error).message}`, { field: 'update' });
    }
  }

  /** Leaves the server's document; an open still waiting is answered with `why`. Resolves once the replica's file is closed. */
  destroy(why: ApiError): Promise<void> {
    if (this.destroyed) return this.replicaClosed;
    this.settle(why);
    this.destroyed = true;
    if (this.lateTimer) clearTimeout(this.lateTimer);
    this.provider.destroy();
    this.socket.destroy();
    this.replicaClosed = this.replica?.close() ?? Promise.resolve();
    this.doc.destroy();
    return this.replicaClosed;
  }
}
