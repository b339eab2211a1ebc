// A refused document: Hocuspocus sends the thrown error's `reason` to the provider as a
// permission-denied message (the provider's onAuthenticationFailed({ reason })).
import type { CollabRefusal } from '../../shared/contract/liveProtocol';

export class CollabRefused extends Error {
  constructor(readonly reason: CollabRefusal, message: string) {
    super(message);
  }
}
