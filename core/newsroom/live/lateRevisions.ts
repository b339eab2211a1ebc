// Late revisions on this machine: a live story's body and fields as this machine had them when the server
// dropped its last changes (the story had turned read-only: sent, in review, approved). They are
// never merged into the newsroom's copy; they are kept here, one file each, so nothing typed is
// lost, for the desk to see once late revisions reach the newsroom (issue 17).
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LiveMeta } from '../../../shared/live/articleFields';
import type { Body } from '../../../shared/model/article';
import { writeFileAtomic } from '../../atomicWrite';

export const LATE_REVISIONS_DIR = 'late-revisions';

export interface LateRevision {
  articleId: string;
  /** When the server's copy turned read-only with these changes unsent. */
  at: string;
  /** The signed-in person whose changes these are. */
  personId: string | null;
  /** Its own id, under which it is handed in to the newsroom (once, however often that is tried). */
  key?: string;
  body: Body;
  /** The fields beside the body that read (readFieldsPartial): one the replica held unreadable is left out. */
  fields: Partial<LiveMeta>;
}

/** What a live story keeps of its replica: its body and fields. */
export type LateCopy = Pick<LateRevision, 'body' | 'fields'>;

export async function keepLateRevision(libraryDir: string, revision: LateRevision): Promise<string> {
  const dir = join(libraryDir, LATE_REVISIONS_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${revision.articleId}-${revision.at.replace(/[:.]/g, '-')}.json`);
  await writeFileAtomic(path, JSON.stringify({ key: randomUUID(), ...revision }, null, 2));
  return path;
}
