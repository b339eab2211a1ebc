// Changes to people go into the same audit table as the articles' steps (with no article): who
// made whom an admin, added, changed, switched off or reset whom, and when. Written in the
// change's own transaction, so a refused change leaves no entry.
import type { Queryable } from '../db/Database';
import type { Account } from './accountSchemas';

/**
 * `importPerson`: made from a local library's people (by `copydesk server import-library` or an
 * admin's upload from the app), with no password. `uploadStory`: a story an admin uploaded from a
 * local library (the subject is the story; its own audit log is the library's, as it was).
 */
export type AccountAction = 'setupAdmin' | 'addPerson' | 'updatePerson' | 'resetPassword' | 'changePassword' | 'importPerson' | 'uploadStory';

/** The person fields that differ between two versions of a person. */
export function changedFields(before: Omit<Account, 'login'>, after: Omit<Account, 'login'>): string[] {
  return (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
}

export async function auditAccount(db: Queryable, at: Date, actorId: string, action: AccountAction, subject: { id: string; name: string }, changed: string[] = []): Promise<void> {
  await db.query('INSERT INTO audit (at, person_id, action, article_id, entry) VALUES ($1, $2, $3, NULL, $4)', [at, actorId, action, JSON.stringify({ subjectId: subject.id, subjectName: subject.name, changed })]);
}
