// A story edited live with others (a library bound to a newsroom): the renderer's editor keeps a
// Yjs document of its own and syncs it with the core's replica over the contract, and the core
// holds the one connection to the server (Hocuspocus). Updates travel base64-encoded, as Yjs
// encodes them; every one is checked for size here and applied by Yjs, which refuses a bad one.
import { z } from 'zod';
import { ArticleIdSchema } from '../model/article';

/** One Yjs update or awareness update, base64. A whole 10,000-word story encodes to well under 1 MB. */
export const YUpdateSchema = z.string().max(16 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** How a live story stands for this person: may they type, and is everything typed stored on the server. */
export const LiveStatusSchema = z.object({
  /** The workflow makes the copy read-only for this person now (the server decides and tells). */
  readOnly: z.boolean(),
  /** Updates sent but not yet stored on the server (its acknowledgement means stored in PostgreSQL). */
  unsynced: z.number().int().nonnegative(),
  /** Connected to the server's document now. */
  connected: z.boolean(),
  /** When the server last held everything this machine had typed in the story (ISO), if known. */
  syncedAt: z.string().optional(),
  /**
   * This machine could not write the story's replica (a full disk): what is typed now lives only in
   * memory until the server stores it, so quitting or a crash offline would lose it.
   */
  notKept: z.literal(true).optional(),
  /**
   * Counts the core's status changes for this story. The open's answer and the pushed events travel
   * on different channels, in no fixed order: the window keeps the status with the highest count.
   */
  seq: z.number().int().nonnegative(),
});
export type LiveStatus = z.infer<typeof LiveStatusSchema>;

export const LiveOpenedSchema = LiveStatusSchema.extend({
  /** The replica's whole state: the renderer's document starts from exactly this. */
  state: YUpdateSchema,
});
export type LiveOpened = z.infer<typeof LiveOpenedSchema>;

/**
 * Why the core let a live story go. `epoch`: the server started a new document (approval, a
 * restore); `lateRevision`: the story turned read-only while this machine had changes the server
 * then dropped — they are kept on this machine (late-revisions/ in the library folder) and the
 * window opens the story again as the server holds it.
 */
export const LiveEndReasonSchema = z.enum(['epoch', 'lateRevision', 'notSignedIn', 'notFound', 'forbidden']);
export type LiveEndReason = z.infer<typeof LiveEndReasonSchema>;

/** What the core pushes about a live story (joined to CoreEvent in newsroom.ts). */
export const LiveStoryEventSchema = z.discriminatedUnion('type', [
  /** A change to the replica (another person's, or this window's own coming back: applying it again changes nothing). */
  z.object({
    type: z.literal('liveUpdate'),
    id: ArticleIdSchema,
    update: YUpdateSchema,
    /** Typed in another window of this machine (this person's own, not someone else's). */
    fromWindow: z.literal(true).optional(),
  }),
  /** Who else is in the story and where their carets are. */
  z.object({ type: z.literal('liveAwareness'), id: ArticleIdSchema, update: YUpdateSchema }),
  z.object({ type: z.literal('liveStatus'), id: ArticleIdSchema, status: LiveStatusSchema }),
  /**
   * The core left the story's document for good, and the windows' copies with it: `epoch`, the
   * story's epoch ended (approval, correction, a restored version: open it again for the new copy;
   * what was typed and not stored is only in the window now); otherwise the session ended, the
   * story went away for this person, or the server refused it. Nothing more is sent or taken for it.
   */
  z.object({ type: z.literal('liveEnded'), id: ArticleIdSchema, reason: LiveEndReasonSchema }),
]);
export type LiveStoryEvent = z.infer<typeof LiveStoryEventSchema>;
