// Library backups as the renderer sees them: a list of snapshots, the articles one holds (a page
// at a time, with how each compares to the library now), and what a restore did. The files behind
// them live in core/backup/.
import { z } from 'zod';
import { ArticleIdSchema, ArticleStatusSchema, LanguageSchema } from './article';
import { ApiErrorSchema } from '../contract/errors';

/** `20261127T090000Z-a1b2c3`: when it was taken (UTC) and a random tail, safe as a file name everywhere. */
export const BackupIdSchema = z.string().regex(/^\d{8}T\d{6}Z-[a-f0-9]{6}$/, 'backup id');
export type BackupId = z.infer<typeof BackupIdSchema>;

/** Why a snapshot exists: the hourly schedule, "Back up now", the state just before a restore, or an imported archive. */
export const BackupReasonSchema = z.enum(['scheduled', 'manual', 'beforeRestore', 'import']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

export const BackupSummarySchema = z.object({
  id: BackupIdSchema,
  createdAt: z.iso.datetime(),
  reason: BackupReasonSchema,
  /** Articles outside the trash, and in it. */
  articles: z.number().int().nonnegative(),
  trashed: z.number().int().nonnegative(),
  photos: z.number().int().nonnegative(),
  /** Article files that could not be read when the snapshot was taken (their last good copy was kept where there was one). */
  damaged: z.number().int().nonnegative(),
  /** The archive's file name, for an imported snapshot. */
  source: z.string().max(255),
});
export type BackupSummary = z.infer<typeof BackupSummarySchema>;

/** How an article in a snapshot compares with the library now. */
export const BackupArticleStateSchema = z.enum(['same', 'changed', 'trashed', 'gone']);
export type BackupArticleState = z.infer<typeof BackupArticleStateSchema>;

export const BackupArticleRowSchema = z.object({
  id: ArticleIdSchema,
  headline: z.string(),
  kicker: z.string(),
  language: LanguageSchema,
  status: ArticleStatusSchema,
  updatedAt: z.iso.datetime(),
  /** In the trash when the snapshot was taken. */
  trashed: z.boolean(),
  now: BackupArticleStateSchema,
});
export type BackupArticleRow = z.infer<typeof BackupArticleRowSchema>;

export const BackupPageSchema = z.object({
  backup: BackupSummarySchema,
  /** Rows matching the query, of which `rows` is the page from `offset`. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(BackupArticleRowSchema),
});
export type BackupPage = z.infer<typeof BackupPageSchema>;

export const RestoreResultSchema = z.object({
  /** Articles put back as a new revision (or re-created). */
  restored: z.number().int().nonnegative(),
  /** Articles already as the snapshot has them. */
  unchanged: z.number().int().nonnegative(),
  /** Articles the snapshot did not have, moved to the trash (a whole restore never deletes). */
  trashed: z.number().int().nonnegative(),
  failed: z.array(z.object({ id: z.string(), headline: z.string(), error: ApiErrorSchema })),
  /** Photos copied back from the backup because the library had lost them. */
  photos: z.number().int().nonnegative(),
  /** People and settings were put back (whole restores only). */
  people: z.number().int().nonnegative(),
  settings: z.boolean(),
  cancelled: z.boolean(),
  /** The snapshot of the library taken just before a whole restore: restoring it undoes the restore. */
  undoBackup: BackupIdSchema.nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;
