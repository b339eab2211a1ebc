// What the library list asks the core for: one window of rows for a scope, a search text,
// filters and an order. The core does the filtering, ranking and counting, so the renderer
// never holds more than the rows on screen, however big the library.
import { z } from 'zod';
import { ArticleStatusSchema, ArticleSummarySchema } from '../model/article';

export const QueryFiltersSchema = z
  .object({
    state: z.union([ArticleStatusSchema, z.literal('all')]).default('all'),
    desk: z.string().max(200).default(''),
    /** A person id: the article's owner, or a reporter in its byline under that person's byline name. */
    reporter: z.string().max(100).default(''),
    tag: z.string().max(100).default(''),
    /** Last change at or after `from` and before `to` (the renderer turns local days into instants). */
    from: z.iso.datetime().nullable().default(null),
    to: z.iso.datetime().nullable().default(null),
  })
  .strict();
export type QueryFilters = z.infer<typeof QueryFiltersSchema>;

/**
 * `auto`: by relevance when there is a search text (headline hits first, then newest), otherwise
 * what waits for the asking person's role first, then newest.
 */
export const QueryOrderSchema = z.enum(['auto', 'updated', 'created', 'headline']);
export type QueryOrder = z.infer<typeof QueryOrderSchema>;

export const ArticleQuerySchema = z
  .object({
    scope: z.enum(['active', 'trash']),
    text: z.string().max(500).default(''),
    filters: QueryFiltersSchema.default(() => QueryFiltersSchema.parse({})),
    order: QueryOrderSchema.default('auto'),
  })
  .strict();
export type ArticleQuery = z.infer<typeof ArticleQuerySchema>;

/** [start, end) offsets of a match in a piece of text, in UTF-16 code units. */
export const MarkSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Mark = z.infer<typeof MarkSchema>;

export const SearchFieldSchema = z.enum(['headline', 'kicker', 'deck', 'body', 'caption', 'byline', 'tags', 'notes']);
export type SearchField = z.infer<typeof SearchFieldSchema>;

/**
 * A story's copy on this machine, in a library bound to a newsroom (its live replica): words typed
 * here the server has not stored yet, and when it last held all of them (ISO; null if not known).
 */
export const ReplicaSyncSchema = z.object({ unsent: z.boolean(), syncedAt: z.string().nullable() });
export type ReplicaSync = z.infer<typeof ReplicaSyncSchema>;

export const ResultRowSchema = z.object({
  summary: ArticleSummarySchema,
  /** Where the search text is in the headline (empty when it is not, or there is no search). */
  headlineMarks: z.array(MarkSchema),
  /** The best passage outside the headline, with its matches; null without a search. */
  snippet: z.object({ field: SearchFieldSchema, text: z.string(), marks: z.array(MarkSchema) }).nullable(),
  /** Set by a bound core for a story with a replica here (never by the server, which has no say in it). */
  replica: ReplicaSyncSchema.optional(),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;

export const StateCountsSchema = z.record(z.union([ArticleStatusSchema, z.literal('all')]), z.number().int().nonnegative());

export const QueryResultSchema = z.object({
  /** Rows matching scope, text and filters. */
  total: z.number().int().nonnegative(),
  /** Per state, over scope, text and every filter but the state one (for the state chips). */
  counts: StateCountsSchema,
  rows: z.array(ResultRowSchema),
  /** While the search index is being built, results can be incomplete: how far it is. */
  indexing: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /**
   * Set by a bound core that could not reach the newsroom: the rows come from the stories this
   * machine holds (`stories` of them in the scope), not the newsroom's whole library. Never set by the server.
   */
  heldOnly: z.object({ stories: z.number().int().nonnegative() }).optional(),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;
