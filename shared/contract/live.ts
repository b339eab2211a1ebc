// What the newsroom server's live channel says (GET /api/events, server-sent events): a story
// changed, with its list row, or is gone for good; or `resync`: changes may have gone unpushed (the
// server missed some from another instance), so lists and the open story are read again, as when
// the connection is back. Checked with zod where it arrives (a client of an earlier version ignores
// a type it does not know).
import { z } from 'zod';
import { ArticleIdSchema, ArticleSummarySchema } from '../model/article';

export const LiveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('article'), summary: ArticleSummarySchema }),
  z.object({ type: z.literal('removed'), id: ArticleIdSchema }),
  z.object({ type: z.literal('resync') }),
]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;
