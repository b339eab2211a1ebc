// How a core connects to the newsroom server's live documents (Hocuspocus over WebSocket), and the
// stateless messages the server sends on them. The server (server/collab/) and the core's
// connection read these names from here and nowhere else.
//
// Connecting, with @hocuspocus/provider 3.4 and `ws` as WebSocketPolyfill (no Origin header: the
// server refuses any upgrade that carries one, clients are Node cores, not browsers):
//   new HocuspocusProvider({
//     url: collabUrl(serverUrl, epoch),      // ws(s)://…/collab?schema=<LIVE_SCHEMA_VERSION>[&epoch=n]
//     name: articleId,                       // the document is the story, by its id
//     token: sessionToken,                   // the same session token as the HTTP API
//     WebSocketPolyfill: WebSocket,
//   })
// (Provider 3.4 has no `parameters` option: they travel in the URL's query, which the server reads.)
// A refusal (no/unknown/expired token, wrong schema version, a story the person may not see, a
// missing or trashed story) reaches the provider as `onAuthenticationFailed({ reason })` with one
// of the COLLAB_REFUSALS below as the reason; the provider does not retry that document.
//
// Acknowledgement: the provider's `unsyncedChanges` drops to 0 only once the server has committed
// every update sent to PostgreSQL. An update the server drops (the connection is read-only) is
// never acknowledged: the count stays above 0, which tells the core it was not stored.
// The server ends a WebSocket with 4205 (reload: the epoch ended, or an append failed) or 4401
// (the session ended); the provider reconnects by itself and syncs what it has not had
// acknowledged (after 4401 its token is then refused).
import { z } from 'zod';
import { LIVE_SCHEMA_VERSION } from '../live/bodyFragment';

/** The close code of a server telling a client to reload (the epoch ended, or an append failed). */
export const COLLAB_RELOAD_CODE = 4205;

/** The HTTP path of the WebSocket upgrade (any other path is refused). */
export const COLLAB_PATH = '/collab';

/** The URL parameter carrying the client's LIVE_SCHEMA_VERSION (shared/live/bodyFragment.ts). */
export const COLLAB_SCHEMA_PARAM = 'schema';

/**
 * The URL parameter carrying the epoch the client's replica belongs to (from the last `epoch`
 * message), when it has one. A replica of an ended epoch must not be synced into the next one (its
 * text would be doubled): the server refuses it with COLLAB_REFUSALS.epoch, and the client keeps
 * its unsynced changes aside (a late-revision draft) and connects again with a fresh replica and
 * no epoch parameter. A replica of another epoch sent without the parameter is caught too, at its
 * first sync message: the server closes that document's connection with code 4409 and reason
 * COLLAB_REFUSALS.epoch (the provider's onClose({ event }), not onAuthenticationFailed).
 */
export const COLLAB_EPOCH_PARAM = 'epoch';

/** The WebSocket URL for a server's base URL (http → ws, https → wss), with the schema and, for a replica that has one, its epoch. */
export function collabUrl(serverUrl: string, epoch?: number): string {
  // Under the server's own path, as its HTTP API is (a proxy may serve it below a prefix).
  const url = new URL(`${serverUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}${COLLAB_PATH}`);
  url.searchParams.set(COLLAB_SCHEMA_PARAM, String(LIVE_SCHEMA_VERSION));
  if (epoch !== undefined) url.searchParams.set(COLLAB_EPOCH_PARAM, String(epoch));
  return url.toString();
}

/** Why the server refused a document: the `reason` of the provider's onAuthenticationFailed. */
export const COLLAB_REFUSALS = {
  /** No token, or a session that is unknown, expired or revoked. */
  unauthenticated: 'unauthenticated',
  /** The client's LIVE_SCHEMA_VERSION differs from the server's: update the app. */
  schema: 'schema-mismatch',
  /** The story does not exist, is in the trash, or this person may not see it. */
  notFound: 'not-found',
  /** The replica belongs to an epoch that has ended (approval, correction, a restored version). */
  epoch: 'epoch-changed',
} as const;
export type CollabRefusal = (typeof COLLAB_REFUSALS)[keyof typeof COLLAB_REFUSALS];

/**
 * Stateless messages from the server (the provider's `onStateless({ payload })`, payload is JSON).
 * - epoch: sent once a document is open on a connection: the epoch this replica now belongs to.
 * - access: sent on open and whenever the workflow changes who may type; readOnly true means the
 *   server drops this connection's updates from now on (unacknowledged ones are not stored: keep
 *   them as a draft). The provider's own `authorizedScope` is only the state at connect time.
 * When an epoch ends (approval, correction, restoring a version) or an append fails, the server
 * closes the connection's WebSocket: the provider reconnects by itself (after about a second).
 */
export const CollabStatelessSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('access'), readOnly: z.boolean() }),
  z.object({ type: z.literal('epoch'), epoch: z.number().int().positive() }),
]);
export type CollabStateless = z.infer<typeof CollabStatelessSchema>;

/** Reads a stateless payload; anything else (another version's message) is undefined. */
export function parseCollabStateless(payload: string): CollabStateless | undefined {
  try {
    const parsed = CollabStatelessSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
