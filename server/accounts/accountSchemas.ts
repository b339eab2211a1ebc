// What account requests may carry, checked with zod before any handler runs. People reuse the
// app's own person model (shared/model/person.ts); every object is strict, so a request that tries
// to name who is acting (an actor or person id beside the fields) is refused, not ignored.
import { z } from 'zod';
import { PersonDraftSchema, PersonIdSchema, PersonSchema } from '../../shared/model/person';
import { PasswordSchema } from './passwords';

/** What people type to sign in: one word, compared without case. */
export const LoginSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^\S+$/, 'one word, no spaces')
  .transform((s) => s.toLowerCase());

const PersonFields = PersonDraftSchema.omit({ id: true, role: true, active: true });

export const SetupBody = z.strictObject({ code: z.string().min(1).max(200), login: LoginSchema, password: PasswordSchema, person: z.strictObject(PersonFields.shape) });
export const LoginBody = z.strictObject({ login: LoginSchema, password: z.string().max(256) });
export const RevokeBody = z.strictObject({ id: z.string().uuid() });
export const PasswordChangeBody = z.strictObject({ current: z.string().max(256), next: PasswordSchema });
export const AddPersonBody = z.strictObject({ login: LoginSchema, password: PasswordSchema, person: z.strictObject(PersonDraftSchema.omit({ id: true }).shape) });
export const UpdatePersonBody = z.strictObject({ person: z.strictObject(PersonSchema.shape) });
export const ResetPasswordBody = z.strictObject({ id: PersonIdSchema, password: PasswordSchema });

/** A person as the server gives it out: the app's model plus the login. */
export type Account = z.infer<typeof PersonSchema> & { login: string };
