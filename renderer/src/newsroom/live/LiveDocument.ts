// One story open live in this window: the editor's own Y.Doc and presence (y-protocols Awareness),
// kept in step with the core's replica over the bridge. The core holds the connection to the
// newsroom (core/newsroom/live); this window only exchanges updates with it.
//
//   const live = await openLiveDocument(articleId);     // ApiError: offline, notSignedIn, notFound, forbidden
//   Collaboration.configure({ document: live.doc, field: BODY_FRAGMENT })   // shared/live/bodyFragment.ts
//   CollaborationCaret.configure({ provider: live, user: { name, color } }) // needs only `.awareness`
//   live.status                    // { readOnly, unsynced, connected } as the core last said; unsynced also
//                                  // counts this window's changes not yet in the core ("stored" is exact)
//   const off = live.onStatus((status) => …)
//   live.onEnded((reason) => …)    // the core let the story go (LiveEndReason): 'epoch' → destroy, open again
//   live.ended                     // that reason, or null
//   await live.destroy()           // sends what is left, clears this window's presence, closes the story;
//                                  // await it before opening the same story again in this window
//   live.meanwhile.where()         // the body's blocks others changed while this window was away (meanwhileChanges.ts)
//
// Local changes (any origin but CORE_ORIGIN) are sent with sendLiveUpdate, what one frame produced
// merged into one update, once that frame is painted, and never more than one call in flight (what
// piles up meanwhile goes out merged next). The core's updates (liveUpdate) and presence
// (liveAwareness) are applied with CORE_ORIGIN, so they are not sent back. This window's own
// presence goes out when it changes (at most every PRESENCE_MS, the last change always), on
// Awareness's 15 s renewal, and at once when the core reconnects (the server dropped it meanwhile).
// A change the core refused stays first in line (the replica needs every one): refused as
// read-only, it sets status.readOnly and goes again when the core says writable; otherwise it goes
// to `onError` and again after 1 s, doubling to 30 s. `destroy` gives up on it.
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { CoreEvent } from '../../../../shared/contract/newsroom';
import type { LiveEndReason, LiveStatus } from '../../../../shared/contract/liveStory';
import { ApiError } from '../../../../shared/contract/apiError';
import type { Output } from '../../../../shared/contract/api';
import { call as bridgeCall, onEvent as bridgeOnEvent, type CallInput } from '../../api';
import { fromBase64, toBase64 } from './base64';
import { BODY_FRAGMENT } from '../../../../shared/live/bodyFragment';
import { MeanwhileChanges } from './meanwhileChanges';

/** The origin of changes that came from the core: applied here, never sent back. */
export const CORE_ORIGIN = 'core';

type LiveMethod = 'openLiveStory' | 'sendLiveUpdate' | 'sendLiveAwareness' | 'closeLiveStory';

/** What a live document needs of the window's bridge (renderer/src/api.ts; tests give a fake). */
export interface LiveBridge {
  call: <M extends LiveMethod>(method: M, input: CallInput<M>) => Promise<Output<M>>;
  onEvent: (listener: (event: CoreEvent) => void) => () => void;
  /** Runs `send` once after the current frame's changes (default: once the next frame is painted, or 50 ms in a hidden window). */
  schedule?: (send: () => void) => void;
}

export interface LiveDocumentOptions {
  bridge?: LiveBridge;
  /** A send the core refused for another reason than read-only (offline, not signed in…). */
  onError?: (err: unknown) => void;
}

/** A refused change is sent again after this, doubling up to MAX_RETRY_MS. */
const RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * This window's presence goes out at most this often (the first change at once, the last always):
 * while someone types, their caret moves with every syllable, and a call for each doubled the
 * bridge's work per keystroke. Others lose nothing meanwhile: a caret is held relative to the
 * text after it, so the letters typed before it carry it along.
 */
export const PRESENCE_MS = 200;

const defaultBridge: LiveBridge = { call: bridgeCall, onEvent: bridgeOnEvent };

/**
 * After the frame's changes are on screen: a task queued from the next animation frame runs once
 * that frame is painted, so the call to the core (encoding, the bridge's request) never delays the
 * keystroke's own frame. rAF is paused in a hidden window, so a timer stands in for it there.
 */
function afterNextPaint(send: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    send();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 50);
}

/** Opens the story live: resolves with its document once the core has it synced with the server. */
export async function openLiveDocument(id: string, opts: LiveDocumentOptions = {}): Promise<LiveDocument> {
  const live = new LiveDocument(id, opts.bridge ?? defaultBridge, opts.onError ?? (() => undefined));
  try {
    await live.open();
  } catch (err) {
    live.discard();
    throw err;
  }
  return live;
}

export class LiveDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  /** What the core last said (newest by seq): its replica's updates not yet stored on the server. */
  private current: LiveStatus = { readOnly: false, unsynced: 0, connected: false, seq: 0 };
  /** The status listeners were last given. */
  private told: LiveStatus = this.current;
  /** Changes in the sendLiveUpdate call under way (0 or 1). */
  private inFlight = 0;
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private readonly endListeners = new Set<(reason: LiveEndReason) => void>();
  private endReason: LiveEndReason | null = null;
  private readonly unsubscribe: () => void;
  private pending: Uint8Array[] = [];
  private presenceChanged = false;
  private scheduled = false;
  private sending: Promise<void> | null = null;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_MS;
  /** When this window's presence last went out (performance.now()), and the wait for the next. */
  private presenceAt = -Infinity;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private holds = 0;
  private changed = false;
  /** Others' changes and presence held during a composition, each with whether it came while away. */
  private held: { event: CoreEvent; away: boolean }[] = [];
  /** The core's update being applied came while the status said connected:false. */
  private applyingAway = false;
  /** The body's blocks others changed while this window's status said connected:false. */
  readonly meanwhile = new MeanwhileChanges(this.doc.getXmlFragment(BODY_FRAGMENT), (tr) => tr.origin === CORE_ORIGIN && this.applyingAway);

  constructor(
    readonly id: string,
    private readonly bridge: LiveBridge,
    private readonly onError: (err: unknown) => void,
  ) {
    // Listening starts before the open: whatever the core pushes meanwhile applies in any order (Yjs).
    this.unsubscribe = bridge.onEvent((event) => this.receive(event));
  }

  /** @internal (openLiveDocument) */
  async open(): Promise<void> {
    const { state, ...status } = await this.bridge.call('openLiveStory', { id: this.id });
    Y.applyUpdate(this.doc, fromBase64(state), CORE_ORIGIN);
    this.setStatus(status);
    // What the open answered with is where this window starts; only what the core says after it can be news.
    this.meanwhile.watch();
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === CORE_ORIGIN || this.closed || this.endReason) return;
      this.changed = true;
      this.pending.push(update);
      this.tell(false);
      this.schedule();
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (this.closed || this.endReason) return;
      // Someone dropped this window's presence (the core's connection closed): say it again, as Awareness means.
      const droppedHere = origin === CORE_ORIGIN && removed.includes(this.doc.clientID) && this.awareness.getLocalState() !== null;
      if (origin === CORE_ORIGIN && !droppedHere) return;
      if (![...added, ...updated, ...removed].includes(this.doc.clientID)) return;
      // Dropped by the others, it is said again at once; a caret that moved, within PRESENCE_MS.
      if (droppedHere) this.presenceAt = -Infinity;
      this.presenceChanged = true;
      this.schedule();
    });
    // This window's presence (empty until the editor sets `user`) goes out once opened.
    this.presenceChanged = true;
    this.schedule();
  }

  /**
   * How the story stands: may this person type, is everything stored, is the core connected.
   * `unsynced` counts this window's changes not yet in the core's replica too: "stored" (connected,
   * none unsynced) holds only once everything this document holds of its own is stored on the server.
   */
  get status(): LiveStatus {
    const local = this.pending.length + this.inFlight;
    return local ? { ...this.current, unsynced: this.current.unsynced + local } : this.current;
  }

  /** Listeners hear a new word from the core, and when this window's changes start or stop waiting. */
  private tell(always: boolean): void {
    const status = this.status;
    if (!always && (status.unsynced === 0) === (this.told.unsynced === 0) && status.connected === this.told.connected && status.readOnly === this.told.readOnly) return;
    this.told = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  /** Whether this window has changed the document since it was opened (sent or not yet). */
  get changedHere(): boolean {
    return this.changed;
  }

  /** Why the core let the story go (nothing is sent or taken any more), or null while it is live. */
  get ended(): LiveEndReason | null {
    return this.endReason;
  }

  onEnded(listener: (reason: LiveEndReason) => void): () => void {
    this.endListeners.add(listener);
    return () => void this.endListeners.delete(listener);
  }

  /** Sends what is waiting now (tests; destroy). */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
    if (this.pending.length || this.presenceChanged) await this.pump(true);
  }

  /** Sends what is left, clears this window's presence for the others, and lets the story go. */
  async destroy(): Promise<void> {
    if (this.closed) return;
    if (this.endReason) {
      // The core has already let it go: only wait for a call still travelling, so it lands before a new open.
      this.closed = true;
      await this.sending;
      return this.discard();
    }
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    await this.flush().catch(() => undefined);
    this.closed = true;
    await this.bridge.call('closeLiveStory', { id: this.id }).catch(() => undefined);
    this.discard();
  }

  /** @internal Drops the document without telling the core (an open that failed). */
  discard(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.unsubscribe();
    this.statusListeners.clear();
    this.endListeners.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Others' changes and carets wait here until `release`: y-tiptap re-renders a paragraph another
   * person changed, which would end an IME composition open in it (editor/live/HoldWhileComposing.ts).
   */
  hold(): void {
    this.holds++;
  }

  release(): void {
    if (this.holds > 0) this.holds--;
    if (this.holds > 0 || this.held.length === 0) return;
    const waiting = this.held;
    this.held = [];
    for (const { event, away } of waiting) this.receive(event, away);
  }

  /** `away`: the status said connected:false when the core sent it (the status is not held, its updates may be). */
  private receive(event: CoreEvent, away = !this.current.connected): void {
    if (this.closed || !('id' in event) || event.id !== this.id) return;
    if (this.holds > 0 && (event.type === 'liveUpdate' || event.type === 'liveAwareness')) {
      this.held.push({ event, away });
      return;
    }
    // This person's own typing from another window of theirs is never "changed by others meanwhile".
    if (event.type === 'liveUpdate') this.applyFromCore(event.update, away && !event.fromWindow);
    else if (event.type === 'liveAwareness') applyAwarenessUpdate(this.awareness, fromBase64(event.update), CORE_ORIGIN);
    else if (event.type === 'liveStatus') this.setStatus(event.status);
    else if (event.type === 'liveEnded') this.end(event.reason);
  }

  private applyFromCore(update: string, away: boolean): void {
    this.applyingAway = away;
    try {
      Y.applyUpdate(this.doc, fromBase64(update), CORE_ORIGIN);
    } finally {
      this.applyingAway = false;
    }
  }

  private end(reason: LiveEndReason): void {
    if (this.endReason) return;
    this.endReason = reason;
    this.pending = [];
    this.inFlight = 0;
    this.presenceChanged = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    this.setStatus({ ...this.current, connected: false });
    for (const listener of [...this.endListeners]) listener(reason);
  }

  private setStatus(status: LiveStatus): void {
    // An older word from the core (the open's answer and the events cross on different channels).
    if (status.seq < this.current.seq) return;
    const writableAgain = this.current.readOnly && !status.readOnly;
    // The server forgot this window's presence while the core was away from it.
    const connectedAgain = !this.current.connected && status.connected;
    this.current = { readOnly: status.readOnly, unsynced: status.unsynced, connected: status.connected, seq: status.seq, ...(status.syncedAt ? { syncedAt: status.syncedAt } : {}), ...(status.notKept ? { notKept: true } : {}) };
    this.tell(true);
    if (writableAgain && this.pending.length) this.schedule();
    if (connectedAgain && !this.closed && !this.endReason) {
      this.presenceChanged = true;
      this.presenceAt = -Infinity;
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.scheduled || this.sending) return;
    this.scheduled = true;
    (this.bridge.schedule ?? afterNextPaint)(() => {
      this.scheduled = false;
      if (!this.sending) void this.pump();
    });
  }

  /** Whether this window's presence should go now (`now`: whatever its last went, as destroy needs). */
  private presenceDue(now: boolean): boolean {
    return this.presenceChanged && (now || performance.now() - this.presenceAt >= PRESENCE_MS);
  }

  /** One call at a time; whatever piled up while one was in flight goes next, merged. */
  private pump(presenceNow = false): Promise<void> {
    this.sending = (async () => {
      while (this.pending.length || this.presenceDue(presenceNow)) {
        if (this.pending.length) {
          const updates = this.pending;
          this.pending = [];
          const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
          this.inFlight = 1;
          const sent = await this.send('sendLiveUpdate', update);
          this.inFlight = 0;
          if (!sent) {
            // Kept, first in line: the core's replica must get every change, or later ones wait on it there.
            this.pending.unshift(update);
            this.retryLater();
            break;
          }
          // The core's status once it holds the change (its event saying so may come later).
          if (typeof sent === 'object') this.setStatus(sent);
          this.tell(false);
          this.retryMs = RETRY_MS;
        }
        if (this.presenceDue(presenceNow)) {
          this.presenceChanged = false;
          this.presenceAt = performance.now();
          // Presence is not kept on failure: the next change or renewal says it again whole.
          await this.send('sendLiveAwareness', encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
        }
      }
      if (this.presenceChanged) this.presenceLater();
    })().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  /** Presence that changed too soon after the last went out goes once PRESENCE_MS has passed. */
  private presenceLater(): void {
    if (this.presenceTimer || this.closed || this.endReason) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      this.schedule();
    }, Math.max(0, this.presenceAt + PRESENCE_MS - performance.now()));
  }

  /** A change the core refused is sent again: when write access returns, or after a growing wait. */
  private retryLater(): void {
    if (this.current.readOnly || this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  /** False when the core refused it; else true, or the core's status a sent update answers with. */
  private async send(method: 'sendLiveUpdate' | 'sendLiveAwareness', update: Uint8Array): Promise<boolean | LiveStatus> {
    try {
      return (await this.bridge.call(method, { id: this.id, update: toBase64(update) })) ?? true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'forbidden' && err.params.reason === 'readOnly') this.setStatus({ ...this.current, readOnly: true });
      else this.onError(err);
      return false;
    }
  }
}
