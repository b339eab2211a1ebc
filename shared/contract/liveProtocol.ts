// How a core connects to the newsroom server's live documents (Hocuspocus over WebSocket), and the
// stateless messages the server sends on them. The server (server/collab/) and the core's
// connection read these names from here and nowhere else.
//
// Connecting, with @hocuspocus/provider 3.4 and `ws` as WebSocketPolyfill (no Origin header: the
// server refuses any upgrade that carries one, clients are Node cores, not browsers):
//   new HocuspocusProvider({
//     url: `${serverUrl with ws(s):}${COLLAB_PATH}`,
//     name: articleId,                       // the document is the story, by its id
//     token: sessionToken,                   // the same session token as the HTTP API
//     parameters: { [COLLAB_SCHEMA_PARAM]: String(LIVE_SCHEMA_VERSION) },
//     WebSocketPolyfill: WebSocket,
//   })
// A refusal (no/unknown/expired token, wrong schema version, a story the person may not see, a
// missing or trashed story) reaches the provider as `onAuthenticationFailed({ reason })` with one
// of the COLLAB_REFUSALS below as the reason; the provider does not retry that document.
import { z } from 'zod';

/** The HTTP path of the WebSocket upgrade (any other path is refused). */
export const COLLAB_PATH = '/collab';

/** The URL parameter carrying the client's LIVE_SCHEMA_VERSION (shared/live/bodyFragment.ts). */
export const COLLAB_SCHEMA_PARAM = 'schema';

/** Why the server refused a document: the `reason` of the provider's onAuthenticationFailed. */
export const COLLAB_REFUSALS = {
  /** No token, or a session that is unknown, expired or revoked. */
  unauthenticated: 'unauthenticated',
  /** The client's LIVE_SCHEMA_VERSION differs from the server's: update the app. */
  schema: 'schema-mismatch',
  /** The story does not exist, is in the trash, or this person may not see it. */
  notFound: 'not-found',
} as const;
export type CollabRefusal = (typeof COLLAB_REFUSALS)[keyof typeof COLLAB_REFUSALS];

/**
 * Stateless messages from the server (the provider's `onStateless({ payload })`, payload is JSON).
 * - access: the workflow changed who may type; readOnly true means the server now drops this
 *   connection's updates (any unacknowledged ones are lost on the server: keep them as a draft).
 */
export const CollabStatelessSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('access'), readOnly: z.boolean() }),
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
