// A library folder bound to a newsroom: `newsroom.json` beside the articles names the server, the
// account and its session token. Only the core reads it (the renderer never sees the token), and
// it is written owner-only (0600), since the token signs requests in as that person.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PersonSchema, type Person } from '../../shared/model/person';
import { writeFileAtomic } from '../atomicWrite';

export const BINDING_FILE = 'newsroom.json';

const BindingSchema = z.object({ version: z.literal(1), server: z.string().min(1), token: z.string().min(1), person: PersonSchema }).strict();
export type Binding = Omit<z.infer<typeof BindingSchema>, 'version'>;

/** The folder's binding, or null for a local library. A damaged file counts as none (the person signs in again). */
export async function readBinding(libraryDir: string): Promise<Binding | null> {
  let text: string;
  try {
    text = await readFile(join(libraryDir, BINDING_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const { version: _v, ...binding } = BindingSchema.parse(JSON.parse(text));
    return binding;
  } catch {
    return null;
  }
}

export async function writeBinding(libraryDir: string, binding: { server: string; token: string; person: Person }): Promise<void> {
  await writeFileAtomic(join(libraryDir, BINDING_FILE), JSON.stringify({ version: 1, ...binding }, null, 2), undefined, { mode: 0o600 });
}

export async function removeBinding(libraryDir: string): Promise<void> {
  await rm(join(libraryDir, BINDING_FILE), { force: true });
}
