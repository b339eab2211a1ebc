// An article's history: the versions kept of it (saves coalesced, one per state change, restores)
// and its audit log (every transition, override and restore, with who, when and why).
import { z } from 'zod';
import { ArticleStatusSchema } from './article';
import { ExportFormatSchema } from '../exchange/types';

export const VersionKindSchema = z.enum(['create', 'save', 'transition', 'restore']);
export type VersionKind = z.infer<typeof VersionKindSchema>;

export const VersionMetaSchema = z.object({
  /** 1, 2, 3… per article; a coalesced save rewrites the newest version and keeps its number. */
  seq: z.number().int().positive(),
  /** The article revision this version holds. */
  revision: z.number().int().nonnegative(),
  kind: VersionKindSchema,
  state: ArticleStatusSchema,
  actorId: z.string(),
  actorName: z.string(),
  /** When this version began (for coalescing) and when it was last written. */
  startedAt: z.iso.datetime(),
  at: z.iso.datetime(),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

export const AuditActionSchema = z.enum([
  'create',
  'send',
  'recall',
  'review',
  'return',
  'approve',
  'reopen',
  'publish',
  'spike',
  'restore',
  'correct',
  'restoreVersion',
  'trash',
  'untrash',
  /** Written out in some formats (the note lists them); an embargo override is recorded like any other. */
  'export',
  /** Created from an imported file (the note names the file and its format). */
  'import',
  /** Put back from a library backup (the note names the snapshot). */
  'restoreBackup',
  /** The embargo was set, moved or lifted by a save or in the live document (`embargo` holds the new time, null when lifted). */
  'embargo',
  /** A reporter's late revision (shared/contract/lateRevision.ts) taken as this person's edit; `lateRevision` names it. */
  'lateTaken',
  /** A reporter's late revision dropped (kept, marked dropped); `lateRevision` names it. */
  'lateDropped',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEntrySchema = z.object({
  at: z.iso.datetime(),
  actorId: z.string(),
  actorName: z.string(),
  action: AuditActionSchema,
  from: ArticleStatusSchema,
  to: ArticleStatusSchema,
  note: z.string(),
  /** What an override let through: checklist items that failed, or `embargo`. Empty when nothing was overridden. */
  overridden: z.array(z.string()),
  /** For `restoreVersion`: the version restored. */
  version: z.number().int().positive().optional(),
  /** For `export`: the formats written (older entries named them at the start of the note). */
  formats: z.array(ExportFormatSchema).optional(),
  /** For `embargo`: the embargo after the change; null when it was lifted. */
  embargo: z.iso.datetime().nullable().optional(),
  /** For `lateTaken` and `lateDropped`: the late revision decided. */
  lateRevision: z.string().uuid().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
