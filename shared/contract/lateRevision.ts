// Late revisions (issue 17): words a reporter typed, offline or just before a step, into a story
// that had meanwhile become read-only for them (sent, in review, approved, published). They are
// never merged into the story. The reporter's app hands each to the newsroom, where the desk sees
// it beside the story with a word diff against the current copy and takes it (as the desk's own
// edit, only while the desk may edit the story) or drops it (kept, marked dropped). The reporter
// sees what became of each.
import { z } from 'zod';
import { ArticleContentSchema, ArticleIdSchema, BodySchema } from '../model/article';

export const LATE_REVISION_STATES = ['open', 'taken', 'dropped'] as const;
export type LateRevisionState = (typeof LATE_REVISION_STATES)[number];

/** The fields beside the body as the reporter's machine had them (a field it could not read is left out). */
export const LateFieldsSchema = ArticleContentSchema.omit({ body: true }).partial();

export const LateRevisionSchema = z.object({
  /** The newsroom's id for it. */
  id: z.string().uuid(),
  articleId: ArticleIdSchema,
  /** Who typed it: the person signed in on the machine that handed it in. */
  personId: z.string(),
  personName: z.string(),
  /** When that machine kept it aside (ISO). */
  typedAt: z.iso.datetime(),
  /** When the newsroom received it (ISO). */
  receivedAt: z.iso.datetime(),
  body: BodySchema,
  fields: LateFieldsSchema,
  state: z.enum(LATE_REVISION_STATES),
  /** Who took or dropped it, and when; null while open. */
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type LateRevision = z.infer<typeof LateRevisionSchema>;

export const LateDecisionSchema = z.enum(['take', 'drop']);
export type LateDecision = z.infer<typeof LateDecisionSchema>;
