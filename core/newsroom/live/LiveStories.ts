// The stories a bound core has open live (issue 16, "where the connection lives"): one Hocuspocus
// provider per story (LiveStory.ts), each held by the windows that opened it. The session token is
// read from the binding by the core and sent only to the server; windows see base64 updates,
// presence and status, never the token.
import * as Y from 'yjs';
import { readBody } from '../../../shared/live/bodyFragment';
import { readFieldsPartial } from '../../../shared/live/articleFields';
import { ApiError } from '../../../shared/contract/errors';
import type { LiveEndReason, LiveOpened, LiveStatus, LiveStoryEvent } from '../../../shared/contract/liveStory';
import { LiveStory } from './LiveStory';
import type { LateCopy } from './lateRevisions';
import { ReplicaLog, REPLICAS_DIR, storyIdOfReplica } from './replicaLog';
import { ReplicaStates } from './replicaStates';
import type { ReplicaSync } from '../../../shared/search/query';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The signed-in session the live stories connect with; null when not bound or signed out. */
export type LiveCredentials = () => { server: string; token: string } | null;

/** How long opening a story waits for the server's document before it says offline. */
export const LIVE_OPEN_TIMEOUT_MS = 10_000;

export class LiveStories {
  private readonly stories = new Map<string, LiveStory>();
  /** Stories whose replica is being read from disk: a second open waits for the same one. */
  private readonly starting = new Map<string, Promise<LiveStory>>();
  /** Opens waiting for their story to be made, per story: a close cancels one. */
  private readonly opening = new Map<string, Set<{ cancelled: boolean }>>();
  /** Replicas being removed (their epoch ended): opening the story again waits, so it never reads the old one. */
  private readonly forgetting = new Map<string, Promise<void>>();
  /** Replicas of stories let go, still finishing their writes. */
  private readonly closing = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(event: LiveStoryEvent) => void>();
  private replicaStates: ReplicaStates | null = null;

  constructor(
    private readonly credentials: LiveCredentials,
    /** Keeps a late revision (changes the server dropped once the story turned read-only) on this machine. */
    private readonly keepLate: (id: string, copy: LateCopy) => Promise<void>,
    private readonly openTimeoutMs = LIVE_OPEN_TIMEOUT_MS,
    /** The library folder, where each story's replica is kept (replicaLog.ts); none: replicas live in memory only. */
    private readonly libraryDir: string | null = null,
  ) {}

  /** Joins the story's document (or holds the one already open) and answers once it is synced. */
  async open(id: string): Promise<LiveOpened> {
    // Until the story is made (its replica read from disk), a close for it cancels this open.
    const pending = { cancelled: false };
    const waiting = this.opening.get(id) ?? new Set();
    this.opening.set(id, waiting.add(pending));
    let story: LiveStory;
    try {
      story = await this.story(id);
    } finally {
      waiting.delete(pending);
      if (waiting.size === 0 && this.opening.get(id) === waiting) this.opening.delete(id);
    }
    story.holders++;
    if (pending.cancelled) {
      this.release(story);
      throw new ApiError('cancelled', `live story ${id} was closed while opening`);
    }
    try {
      await story.ready;
    } catch (err) {
      this.release(story);
      throw err;
    }
    // Who is already there reaches the window as an event (it listens before it opens).
    const presence = story.presence();
    if (presence) this.emit({ type: 'liveAwareness', id, update: presence });
    return { state: story.state(), ...story.currentStatus() };
  }

  /** The story open in this core, or one made now from its replica on disk (if any) and the server's document. */
  private async story(id: string): Promise<LiveStory> {
    const creds = this.signedIn();
    const open = this.stories.get(id);
    if (open) return open;
    let starting = this.starting.get(id);
    if (!starting) {
      starting = (async () => {
        // The story's last replica is still being closed or removed: its file is read only after.
        await this.forgetting.get(id);
        await this.closing.get(id);
        const replica = this.libraryDir ? await ReplicaLog.open(this.libraryDir, id).catch(() => null) : null;
        const story = new LiveStory({
          id,
          server: creds.server,
          token: () => this.credentials()?.token ?? '',
          emit: (e) => this.emit(e),
          ended: (s, reason) => this.end(s, reason),
          openTimeoutMs: this.openTimeoutMs,
          keepLate: this.keepLate,
          replica: replica && { log: replica.replica, contents: replica.contents },
        });
        this.stories.set(id, story);
        return story;
      })().finally(() => this.starting.delete(id));
      this.starting.set(id, starting);
    }
    return starting;
  }

  /**
   * Sends what this machine typed and the server never stored (offline, or before a crash or a
   * restart): each story whose replica holds unsent changes is opened in the background until the
   * server has acknowledged them, then let go. A story turned read-only meanwhile keeps them as a
   * late revision instead (LiveStory). Resolves with how many stories had unsent changes.
   */
  async sendUnsent(): Promise<number> {
    if (!this.libraryDir || !this.credentials()) return 0;
    const names = await readdir(join(this.libraryDir, REPLICAS_DIR)).catch(() => [] as string[]);
    let count = 0;
    for (const name of names) {
      const id = storyIdOfReplica(name);
      if (!id || this.stories.has(id)) continue;
      if (!(await this.hasUnsentOnDisk(id))) continue;
      count++;
      void this.holdUntilSent(id);
    }
    return count;
  }

  /**
   * Before a step on the story is sent: whatever this machine typed in it reaches the server first
   * (the open story's, or its replica's on disk), waiting at most `timeoutMs`.
   */
  async flushStory(id: string, timeoutMs = 20_000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    const open = this.stories.get(id);
    const sent = open ? this.sentOrEnded(open) : this.hasUnsentOnDisk(id).then((unsent) => (unsent ? this.holdUntilSent(id) : undefined));
    await Promise.race([sent, timeout]);
    clearTimeout(timer);
  }

  private async hasUnsentOnDisk(id: string): Promise<boolean> {
    if (!this.libraryDir || this.starting.has(id)) return false;
    return (await ReplicaLog.peek(this.libraryDir, id))?.unsent ?? false;
  }

  /** Resolves once the open story has nothing unsent and is connected, or has ended. */
  private sentOrEnded(story: LiveStory): Promise<void> {
    const sent = () => this.stories.get(story.id) !== story || (story.currentStatus().connected && story.currentStatus().unsynced === 0);
    if (sent()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const stop = this.onEvent((e) => {
        if (e.id === story.id && (e.type === 'liveEnded' || sent())) {
          stop();
          resolve();
        }
      });
    });
  }

  /** Holds the story until the server has stored what its replica had unsent (or it ends), then lets it go. */
  private async holdUntilSent(id: string): Promise<void> {
    try {
      await this.open(id);
    } catch {
      // Offline still, or refused: the replica stays and is tried again when the connection is back.
      return;
    }
    const story = this.stories.get(id);
    if (!story) return;
    await this.sentOrEnded(story);
    if (this.stories.get(id) === story) this.close(id);
  }

  /** The server is reachable again: every open story that is not connected tries at once. */
  reconnectAll(): void {
    for (const story of this.stories.values()) story.reconnectNow();
  }

  /**
   * The story's copy on this machine, for the list: the open story's status, or its replica's on
   * disk. Null when it has none (never opened here, or nothing typed here and never connected).
   */
  async syncOf(id: string): Promise<ReplicaSync | null> {
    // An open story knows best, also when its replica failed (its words then only in memory).
    const open = this.stories.get(id);
    if (open) {
      const status = open.currentStatus();
      return { unsent: status.unsynced > 0, syncedAt: status.syncedAt ?? null };
    }
    if (!this.libraryDir || this.starting.has(id)) return null;
    this.replicaStates ??= new ReplicaStates(this.libraryDir);
    return this.replicaStates.of(id);
  }

  /** The story's body and fields as this machine has them: the open story's, or its replica's on disk; null without either. */
  async copyOf(id: string): Promise<LateCopy | null> {
    const open = this.stories.get(id);
    if (open) return open.copy();
    if (!this.libraryDir || this.starting.has(id)) return null;
    const stored = await ReplicaLog.peek(this.libraryDir, id);
    return stored?.updates.length ? copyOfUpdates(stored.updates) : null;
  }

  /**
   * The Yjs state vector (base64) of an open story's replica, for a step on it: the server steps
   * only once it has stored that state, so what was typed before the click is in what is sent.
   * None for a read-only story: what it holds beyond the server's was dropped there, and waiting
   * for it would only fail the step.
   */
  stateVector(id: string): string | null {
    const story = this.stories.get(id);
    return story && !story.currentStatus().readOnly ? Buffer.from(Y.encodeStateVector(story.doc)).toString('base64') : null;
  }

  /** A window's change to an open story; the story's status with it applied (and sent on). */
  update(id: string, update: string): LiveStatus {
    const story = this.held(id);
    story.applyUpdate(update);
    return story.currentStatus();
  }

  /** A window's presence in an open story. */
  awareness(id: string, update: string): void {
    this.held(id).applyAwareness(update);
  }

  /** A window let the story go; the last one out leaves the server's document. */
  close(id: string): void {
    this.signedIn();
    const story = this.stories.get(id);
    if (story && story.holders > 0) return this.release(story);
    const pending = [...(this.opening.get(id) ?? [])].find((p) => !p.cancelled);
    if (pending) pending.cancelled = true;
  }

  /**
   * Every story leaves, and its windows are told. Signed out or the core closing (`leave`): each
   * story's replica keeps what the server has not stored, to send after the next sign-in or start.
   * Unbinding the folder (`unbind`): no server is left to send it to, so it is kept as a late
   * revision and the replicas go.
   */
  closeAll(how: 'leave' | 'unbind' = 'leave'): void {
    for (const story of [...this.stories.values()]) this.end(story, 'notSignedIn', how);
    // Stories still being made (their replica being read) leave as soon as they are.
    for (const starting of this.starting.values()) void starting.then((story) => this.end(story, 'notSignedIn', how), () => undefined);
  }

  /**
   * The folder is unbound: replicas of stories not open go too, what they held unsent kept first
   * as a late revision (the newsroom they belong to is no longer this folder's).
   */
  async dropReplicas(): Promise<void> {
    if (!this.libraryDir) return;
    // The stories just closed keep theirs aside and remove their replicas themselves.
    await Promise.all([...this.forgetting.values()]);
    const names = await readdir(join(this.libraryDir, REPLICAS_DIR)).catch(() => [] as string[]);
    for (const name of names) {
      const id = storyIdOfReplica(name);
      if (!id || this.stories.has(id)) continue;
      const stored = await ReplicaLog.peek(this.libraryDir, id);
      if (!stored) continue;
      try {
        if (stored.unsent) await this.keepLate(id, copyOfUpdates(stored.updates));
        await rm(join(this.libraryDir, REPLICAS_DIR, name), { force: true });
      } catch {
        // Not kept (a full disk): the replica stays, with the words in it.
      }
    }
  }

  /** The core stops: what each story typed is on disk first, then every story leaves. */
  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.starting.values()]);
    await Promise.all([...this.stories.values()].map((story) => story.flushReplica().catch(() => undefined)));
    this.closeAll('leave');
    await Promise.all([...this.forgetting.values()]);
  }


  /** How many stories are open now (tests and the status line). */
  get openCount(): number {
    return this.stories.size;
  }

  onEvent(listener: (event: LiveStoryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private signedIn(): { server: string; token: string } {
    const creds = this.credentials();
    if (!creds) throw new ApiError('notSignedIn', 'live stories need a signed-in newsroom');
    return creds;
  }

  private held(id: string): LiveStory {
    this.signedIn();
    const story = this.stories.get(id);
    if (!story || story.holders === 0) throw new ApiError('notFound', `story ${id} is not open live`, { id });
    return story;
  }

  private release(story: LiveStory): void {
    story.holders--;
    if (story.holders > 0) return;
    // The last window let go with changes still unsent: the core holds the story until they are stored.
    if (story.hasUnsentWords) {
      void this.holdUntilSent(story.id);
      return;
    }
    this.closed(story, new ApiError('cancelled', `live story ${story.id} was closed while opening`));
    // An ended story may have been opened again meanwhile: that one stays.
    if (this.stories.get(story.id) === story) this.stories.delete(story.id);
  }

  /** Destroys the story; a later open of it waits until its replica's file is closed. */
  private closed(story: LiveStory, why: ApiError): void {
    const done = story.destroy(why);
    this.closing.set(story.id, done);
    void done.finally(() => this.closing.get(story.id) === done && this.closing.delete(story.id));
  }

  /** The story leaves for good, whoever holds it: an open still waiting gets the error, the windows the event. */
  private end(story: LiveStory, reason: LiveEndReason, how: 'leave' | 'unbind' = 'leave'): void {
    if (this.stories.get(story.id) !== story) return;
    this.stories.delete(story.id);
    // Signed out, refused or the epoch gone with changes the server never acknowledged: the window
    // opens the story again as the server holds it, so they are kept aside first, as a late
    // revision (one already kept as such has none left).
    // Signed out, the replica waits for the next sign-in with what is unsent; otherwise it has no
    // document left to join, and what is unsent is kept aside first (a late revision).
    const replicaKeeps = how === 'leave' && reason === 'notSignedIn' && story.hasReplica;
    const unsent = reason === 'lateRevision' || replicaKeeps ? null : story.unsentCopy();
    const kept = unsent ? this.keepLate(story.id, unsent) : Promise.resolve();
    if (!replicaKeeps) {
      // Not kept (a full disk): the replica stays, so the words are still on this machine.
      const gone = kept
        .then(() => story.forget())
        .catch(() => undefined)
        .finally(() => this.forgetting.get(story.id) === gone && this.forgetting.delete(story.id));
      this.forgetting.set(story.id, gone);
    } else void kept.catch(() => undefined);
    this.closed(story, new ApiError(reason === 'epoch' || reason === 'lateRevision' ? 'notFound' : reason, `live story ${story.id} ended (${reason})`));
    if (story.holders > 0) this.emit({ type: 'liveEnded', id: story.id, reason });
  }

  private emit(event: LiveStoryEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The body and fields a replica's stored changes make. */
function copyOfUpdates(updates: Uint8Array[]): LateCopy {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(updates));
  const copy = { body: readBody(doc), fields: readFieldsPartial(doc) };
  doc.destroy();
  return copy;
}
