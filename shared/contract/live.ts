// What the newsroom server's live channel says (GET /api/events, server-sent events): a story
// changed, with its list row, or is gone for good. Checked with zod where it arrives.
import { z } from 'zod';
import { ArticleIdSchema, ArticleSummarySchema } from '../model/article';

export const LiveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('article'), summary: ArticleSummarySchema }),
  z.object({ type: z.literal('removed'), id: ArticleIdSchema }),
]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;
