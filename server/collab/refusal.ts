// A refused document: Hocuspocus sends the thrown error's `reason` to the provider as a
// permission-denied message (the provider's onAuthenticationFailed({ reason })). The error's
// message stays empty: Hocuspocus prints every hook error that has one to stderr, and a refusal
// (an expired session, a story no longer visible) is routine — the server's own log says why.
import type { CollabRefusal } from '../../shared/contract/liveProtocol';

export class CollabRefused extends Error {
  constructor(
    readonly reason: CollabRefusal,
    /** Why, for the server's log. */
    readonly detail: string,
  ) {
    super('');
  }
}
