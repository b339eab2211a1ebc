// Late revisions kept on this machine (lateRevisions.ts) go to the newsroom once it can be
// reached, where the desk sees them beside the story (shared/contract/lateRevision.ts). Each is
// handed in under its own key, so handing one in again after a crash keeps one. Only this
// person's own: a file kept while someone else was signed in on this folder stays. A file handed
// in moves to `sent/`, one the newsroom refuses (the story gone, no longer visible) to `refused/`;
// any other failure leaves it to be tried again. Nothing typed is deleted.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract/errors';
import { LateFieldsSchema } from '../../../shared/contract/lateRevision';
import { BodySchema } from '../../../shared/model/article';
import { LATE_REVISIONS_DIR } from './lateRevisions';

const KeptSchema = z.object({
  articleId: z.string(),
  at: z.iso.datetime(),
  personId: z.string().nullable(),
  key: z.string().uuid().optional(),
  body: BodySchema,
  fields: LateFieldsSchema,
});

export interface LateSender {
  /** The person signed in now, or null. */
  personId(): string | null;
  submit(input: { id: string; key: string; typedAt: string; body: unknown; fields: unknown }): Promise<unknown>;
}

/** A stable key for a file kept before keys were written: its name, hashed into a UUID's shape. */
export function keyOfName(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Hands in every late revision of this person's kept here; resolves with how many went. Stops at the first `offline`. */
export async function sendLateRevisions(libraryDir: string, sender: LateSender): Promise<number> {
  const person = sender.personId();
  if (!person) return 0;
  const dir = join(libraryDir, LATE_REVISIONS_DIR);
  const names = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.')).map((e) => e.name);
  let sent = 0;
  for (const name of names.sort()) {
    let kept: z.infer<typeof KeptSchema>;
    try {
      kept = KeptSchema.parse(JSON.parse(await readFile(join(dir, name), 'utf8')));
    } catch {
      continue; // unreadable: left where it is, for a person to look at
    }
    if (kept.personId !== person) continue;
    let to = 'sent';
    try {
      await sender.submit({ id: kept.articleId, key: kept.key ?? keyOfName(name), typedAt: kept.at, body: kept.body, fields: kept.fields });
      sent++;
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'offline' || err.code === 'notSignedIn')) return sent;
      // Anything but a refusal of this story (a server that cannot take it yet): tried again next time.
      if (!(err instanceof ApiError) || (err.code !== 'forbidden' && err.code !== 'notFound')) continue;
      to = 'refused';
    }
    await mkdir(join(dir, to), { recursive: true });
    await rename(join(dir, name), join(dir, to, name)).catch(() => undefined);
  }
  return sent;
}
