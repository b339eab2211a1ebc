// The stories a bound core has open live (issue 16, "where the connection lives"): one Hocuspocus
// provider per story (LiveStory.ts), each held by the windows that opened it. The session token is
// read from the binding by the core and sent only to the server; windows see base64 updates,
// presence and status, never the token.
import * as Y from 'yjs';
import { ApiError } from '../../../shared/contract/errors';
import type { LiveEndReason, LiveOpened, LiveStatus, LiveStoryEvent } from '../../../shared/contract/liveStory';
import { LiveStory } from './LiveStory';
import type { LateCopy } from './lateRevisions';

/** The signed-in session the live stories connect with; null when not bound or signed out. */
export type LiveCredentials = () => { server: string; token: string } | null;

/** How long opening a story waits for the server's document before it says offline. */
export const LIVE_OPEN_TIMEOUT_MS = 10_000;

export class LiveStories {
  private readonly stories = new Map<string, LiveStory>();
  private readonly listeners = new Set<(event: LiveStoryEvent) => void>();

  constructor(
    private readonly credentials: LiveCredentials,
    /** Keeps a late revision (changes the server dropped once the story turned read-only) on this machine. */
    private readonly keepLate: (id: string, copy: LateCopy) => Promise<void>,
    private readonly openTimeoutMs = LIVE_OPEN_TIMEOUT_MS,
  ) {}

  /** Joins the story's document (or holds the one already open) and answers once it is synced. */
  async open(id: string): Promise<LiveOpened> {
    const creds = this.signedIn();
    let story = this.stories.get(id);
    if (!story) {
      story = new LiveStory({
        id,
        server: creds.server,
        token: () => this.credentials()?.token ?? '',
        emit: (e) => this.emit(e),
        ended: (s, reason) => this.end(s, reason),
        openTimeoutMs: this.openTimeoutMs,
        keepLate: this.keepLate,
      });
      this.stories.set(id, story);
    }
    story.holders++;
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
    if (story) this.release(story);
  }

  /** Signing out, unbinding, closing the core: every story leaves, and its windows are told. */
  closeAll(): void {
    for (const story of [...this.stories.values()]) this.end(story, 'notSignedIn');
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
    story.destroy(new ApiError('cancelled', `live story ${story.id} was closed while opening`));
    // An ended story may have been opened again meanwhile: that one stays.
    if (this.stories.get(story.id) === story) this.stories.delete(story.id);
  }

  /** The story leaves for good, whoever holds it: an open still waiting gets the error, the windows the event. */
  private end(story: LiveStory, reason: LiveEndReason): void {
    if (this.stories.get(story.id) !== story) return;
    this.stories.delete(story.id);
    // Signed out, refused or the epoch gone with changes the server never acknowledged: the window
    // opens the story again as the server holds it, so they are kept aside first, as a late
    // revision (one already kept as such has none left).
    const unsent = reason === 'lateRevision' ? null : story.unsentCopy();
    if (unsent) void this.keepLate(story.id, unsent).catch(() => undefined);
    story.destroy(new ApiError(reason === 'epoch' || reason === 'lateRevision' ? 'notFound' : reason, `live story ${story.id} ended (${reason})`));
    if (story.holders > 0) this.emit({ type: 'liveEnded', id: story.id, reason });
  }

  private emit(event: LiveStoryEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
