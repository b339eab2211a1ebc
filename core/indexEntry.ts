// One article as the library index keeps it. Its own file so the index, its snapshot codec and
// the snapshot's shape check all import it without importing one another.
import { z } from 'zod';
import { ArticleSummarySchema } from '../shared/model/article';

/** A summary plus what the article file looked like when it was indexed, to spot outside changes. */
export const IndexEntrySchema = z.object({
  summary: ArticleSummarySchema,
  size: z.number(),
  mtimeMs: z.number(),
  /** Photos the article's body uses, so deleting an article knows which photos are still needed. */
  photos: z.array(z.string()).default([]),
  /** The article's tags, for the tag filter; null in entries written before they were kept (re-read in the background). */
  tags: z.array(z.string()).nullable().default(null),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;
