// The people of a library: who writes, who edits, who runs it. Roles decide what the workflow
// lets each person do (see `shared/workflow/transitions.ts`); the core checks, the UI only mirrors.
import { z } from 'zod';

export const RoleSchema = z.enum(['reporter', 'editor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

export const PersonIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/, 'person id');

export const PersonSchema = z.object({
  id: PersonIdSchema,
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  desk: z.string().max(200),
  email: z.string().max(320),
  /** The name as printed in a byline (often the same as `name`). */
  bylineName: z.string().max(200),
  /** 기자, 특파원, 선임기자… or an English title; printed after the name in Korean bylines. */
  bylineRole: z.string().max(50),
  /** People are never deleted, so history keeps their names; an inactive person cannot sign in. */
  active: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

/** What an admin sends to add or change a person; a new person has no id yet. */
export const PersonDraftSchema = PersonSchema.omit({ id: true }).extend({ id: PersonIdSchema.optional() });
export type PersonDraft = z.infer<typeof PersonDraftSchema>;

export const PeopleFileSchema = z.object({ format: z.literal('copydesk-people'), version: z.literal(1), people: z.array(PersonSchema).max(5000) });

export { personStorageKey } from './personStorageKey';
