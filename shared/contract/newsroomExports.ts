// `POST /api/exports` on a newsroom server: a connected app writes export files on its own machine,
// and the server decides which stories may leave and audits each. Shared by the server's route
// and the app's core, which parse both sides with these.
import { z } from 'zod';
import { contract } from './api';
import { ApiErrorSchema } from './errors';
import { ArticleIdSchema, ArticleSchema } from '../model/article';

/** What the route takes: the desktop's exportArticles input without its job (no files are written there). */
export const ExportRequestSchema = contract.exportArticles.input.omit({ jobId: true });
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

/** One article's answer, in the order asked: the article to write out, or why not. */
export const ExportDecisionSchema = z.object({
  id: ArticleIdSchema,
  /** Empty for an article this person may not see (nothing about it is told). */
  headline: z.string(),
  /** The copy to export as it is now; null when refused. */
  article: ArticleSchema.nullable(),
  /** The number History shows for this copy (the exporters print it); null when refused or none holds it. */
  version: z.number().int().positive().nullable(),
  error: ApiErrorSchema.nullable(),
});
export type ExportDecision = z.infer<typeof ExportDecisionSchema>;
export const ExportAnswerSchema = z.object({ results: z.array(ExportDecisionSchema) });
