// The app's side of a newsroom connection, as the renderer sees it: which server and account a
// library folder is bound to, how the connection is, and the events the core pushes to the window
// (connection changes, and the live channel's story changes passed on). The session token never
// appears here: it stays in the core.
import { z } from 'zod';
import { PersonSchema } from '../model/person';
import { LiveEventSchema } from './live';
import { LiveStoryEventSchema } from './liveStory';
import { OutboxEventSchema, OutboxStateSchema } from './outbox';

/** `online`: following the server's live channel; `offline`: unreachable, retrying; `signedOut`: the session ended (sign in again). */
export const ConnectionStateSchema = z.enum(['connecting', 'online', 'offline', 'signedOut']);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const NewsroomStatusSchema = z.object({
  /** The server's address, as `https://host[:port]`. */
  server: z.string(),
  /** The signed-in person, as the server knows them; every request acts as them. */
  person: PersonSchema,
  state: ConnectionStateSchema,
  /** Steps taken offline and waiting to be sent, and what became of those sent (the core's outbox). */
  outbox: OutboxStateSchema.optional(),
});
export type NewsroomStatus = z.infer<typeof NewsroomStatusSchema>;

/** What the core pushes to the window (Electron: a channel on webContents; browser host: server-sent events). */
export const CoreEventSchema = z.union([z.object({ type: z.literal('connection'), state: ConnectionStateSchema }), LiveEventSchema, LiveStoryEventSchema, OutboxEventSchema]);
export type CoreEvent = z.infer<typeof CoreEventSchema>;

export const CORE_EVENT_CHANNEL = 'copydesk:event';
