// Workflow steps taken while the newsroom server could not be reached (issue 17, "steps taken
// offline"): the core keeps each in an outbox on disk, in order, and sends it once the server is
// back; the server applies it only if it is still allowed then. The window is shown what waits
// and, after sending, which step went through and why one did not.
import { z } from 'zod';
import { ArticleIdSchema } from '../model/article';
import { WorkflowActionSchema } from '../workflow/workflowSchemas';
import { ErrorCodeSchema } from './errors';

/** A step waiting to be sent, as the window shows it. */
export const OutboxStepSchema = z.object({
  key: z.string(),
  id: ArticleIdSchema,
  /** The story's headline when the step was taken (offline: as this machine had it). */
  headline: z.string(),
  action: WorkflowActionSchema,
  /** When the person took the step (ISO). */
  at: z.string(),
});
export type OutboxStep = z.infer<typeof OutboxStepSchema>;

/** A step sent once the server was back: applied, or refused and why (the server's error). */
export const OutboxResultSchema = OutboxStepSchema.extend({
  ok: z.boolean(),
  error: z.object({ code: ErrorCodeSchema, reason: z.string().optional() }).optional(),
  /** When the server answered (ISO). */
  sentAt: z.string(),
});
export type OutboxResult = z.infer<typeof OutboxResultSchema>;

export const OutboxStateSchema = z.object({ pending: z.array(OutboxStepSchema), results: z.array(OutboxResultSchema) });
export type OutboxState = z.infer<typeof OutboxStateSchema>;

export const OutboxEventSchema = z.object({ type: z.literal('outbox'), outbox: OutboxStateSchema });
