// Why a live story could not be opened, as the contract's error codes (the screen translates them
// and edits the story as before): the server's refusal reasons (shared/contract/liveProtocol.ts)
// and a server that cannot be reached in time.
import { ApiError } from '../../../shared/contract/errors';
import { COLLAB_REFUSALS } from '../../../shared/contract/liveProtocol';

export function refusalError(reason: string, id: string): ApiError {
  switch (reason) {
    case COLLAB_REFUSALS.unauthenticated:
      return new ApiError('notSignedIn', `the newsroom refused the session for live story ${id}`);
    case COLLAB_REFUSALS.schema:
      // The two apps' body schemas differ: one of them needs updating (the server says which in its log).
      return new ApiError('forbidden', `the newsroom server edits stories with another Copydesk version (live story ${id})`, { reason: 'liveVersion' });
    case COLLAB_REFUSALS.epoch:
      // Only a reconnection names an epoch; an open never does. Said as a story to open again.
      return new ApiError('notFound', `the epoch of live story ${id} has ended`, { id });
    case COLLAB_REFUSALS.notFound:
      return new ApiError('notFound', `the newsroom has no story ${id} for this person`, { id });
    default:
      return new ApiError('forbidden', `the newsroom refused live story ${id}: ${reason}`, { reason: 'role' });
  }
}

export function offlineError(server: string, why: string): ApiError {
  return new ApiError('offline', `the newsroom server at ${server} cannot be reached for live editing: ${why}`, { server });
}
