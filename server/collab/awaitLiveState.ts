// A step taken on a live story carries the client's state vector: the server steps only once it
// has stored that state (so the sentence typed just before 출고 is in what was sent), waiting a
// bounded time for updates still on their way, then answering `conflict`.
import * as Y from 'yjs';
import { ApiError } from '../../shared/contract/errors';
import type { Queryable } from '../db/Database';
import { latestEpoch } from './epochRows';
import { storedState } from './updateRows';

export const LIVE_STATE_WAIT_MS = 5000;

function covers(have: Map<number, number>, want: Map<number, number>): boolean {
  for (const [client, clock] of want) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

async function storedVector(db: Queryable, id: string): Promise<Map<number, number>> {
  const epoch = await latestEpoch(db, id);
  const state = epoch && !epoch.closed ? await storedState(db, id, epoch.epoch) : null;
  return state ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)) : new Map();
}

export interface LiveStateSources {
  db: Queryable;
  /** The document in this server's memory, if loaded: checked first (no query while it lacks the state). */
  inMemory(id: string): Y.Doc | undefined;
  /** Resolves when the appends in flight are written. */
  flush(): Promise<void>;
}

export async function awaitLiveState(sources: LiveStateSources, id: string, stateVector: string, ms = LIVE_STATE_WAIT_MS): Promise<void> {
  let want: Map<number, number>;
  try {
    want = Y.decodeStateVector(Buffer.from(stateVector, 'base64'));
  } catch {
    throw new ApiError('invalidInput', 'liveState is not a Yjs state vector', { field: 'liveState' });
  }
  const deadline = Date.now() + ms;
  for (;;) {
    const doc = sources.inMemory(id);
    if (!doc || covers(Y.decodeStateVector(Y.encodeStateVector(doc)), want)) {
      await sources.flush();
      if (covers(await storedVector(sources.db, id), want)) return;
    }
    if (Date.now() > deadline) throw new ApiError('conflict', `article ${id} does not hold the live state the step was taken on`, { id, reason: 'liveState' });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
