// A workflow step on a bound folder: sent to the server, which decides it; when the server cannot
// be reached, a step on a story this machine holds (its replica) is kept in the outbox instead and
// the window is told it waits (`offline` with `queued`). Once the server is back the outbox is
// sent in order, each story's own unsent words first, so the step covers what was typed before it.
import { ApiError } from '../../shared/contract/errors';
import type { Input, Output } from '../../shared/contract/api';
import type { Newsroom } from './Newsroom';
import type { LiveStories } from './live/LiveStories';
import type { Outbox } from './outbox';

type Step = Omit<Input<'transitionArticle'>, 'actor'> & { actor?: string };

export async function stepOrQueue(step: Step, newsroom: Newsroom, live: LiveStories, outbox: Outbox): Promise<Output<'transitionArticle'>> {
  // A step on a story open live carries what this machine's replica holds (the server waits for it).
  const liveState = step.liveState ?? live.stateVector(step.id) ?? undefined;
  const send = (state: string | undefined) => newsroom.call('transitionArticle', (state ? { ...step, liveState: state } : step) as Record<string, unknown>);
  try {
    try {
      return await send(liveState);
    } catch (err) {
      // The server does not hold that state: the replica may be the story's last document, just
      // closed by a step (its reconnection has not said so yet), or its last words still on their
      // way. Once the story has settled, once more with what it holds then; a second refusal stands.
      if (step.liveState || !(err instanceof ApiError) || err.code !== 'conflict' || err.params.reason !== 'liveState') throw err;
      await live.flushStory(step.id, 10_000);
      return await send(live.stateVector(step.id) ?? undefined);
    }
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'offline') throw err;
    const copy = await live.copyOf(step.id);
    // Nothing of the story on this machine: nothing to send it with later either.
    if (!copy) throw err;
    const queued = await outbox.add({ id: step.id, headline: copy.fields.headline ?? '', action: step.action, note: step.note ?? '', override: step.override ?? false, ...(liveState ? { liveState } : {}) });
    throw new ApiError('offline', `${err.message}; the step waits in the outbox`, { ...err.params, queued: queued.key, action: step.action });
  }
}

/** Sends what the outbox holds, in order; runs again harmlessly when already running. */
export function sendOutbox(newsroom: Newsroom, live: LiveStories, outbox: Outbox): Promise<void> {
  if (!newsroom.bound) return Promise.resolve();
  return outbox.drain(async (step) => {
    await live.flushStory(step.id);
    await newsroom.call('transitionArticle', { id: step.id, action: step.action, note: step.note, override: step.override, ...(step.liveState ? { liveState: step.liveState } : {}) });
  });
}
