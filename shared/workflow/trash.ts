// Who may move an article to the trash, bring it back, or empty the trash for good. One rule for
// the core (which enforces it) and the renderer (which offers only what the person may do).
import { ApiError } from '../contract/apiError';
import type { ArticleStatus } from '../model/article';
import type { Role } from '../model/person';
import { may, type PermissionTable } from './transitions';

/** States in which copy is still its reporter's: nothing has left for the desk, or it came back. */
const REPORTERS_OWN: readonly ArticleStatus[] = ['draft', 'returned'];

export interface TrashSubject {
  status: ArticleStatus;
  ownerId: string | null;
}

/**
 * The desk (whoever may spike) may bin any copy; anyone else only their own copy while it is
 * theirs (a draft or returned). Copy on its way out is the desk's to spike, not anyone's to bin.
 */
export function mayTrash(table: PermissionTable, person: { id: string; role: Role }, article: TrashSubject): boolean {
  if (may(table, person.role, 'spike')) return true;
  return article.ownerId === person.id && REPORTERS_OWN.includes(article.status);
}

/** Copy on its way out or out: sent, with the desk, approved, published. */
const ON_ITS_WAY: readonly ArticleStatus[] = ['sent', 'review', 'approved', 'published'];

/**
 * Binning copy on its way out asks first, naming it: one click should not take a story off the
 * desk. A draft (or returned or spiked copy) goes at once; 복원 brings it back.
 */
export function trashAsksFirst(status: ArticleStatus): boolean {
  return ON_ITS_WAY.includes(status);
}

/** Bringing an article back out of the trash follows the same rule as putting it there. */
export const mayRestoreFromTrash = mayTrash;

/** Emptying the trash deletes articles and their history for good: an admin's decision only. */
export function mayEmptyTrash(role: Role): boolean {
  return role === 'admin';
}

/** The refusal for changing, copying or stepping an article while it is in the trash: it comes out first. */
export function inTheTrash(article: { id: string; status: ArticleStatus }): ApiError {
  return new ApiError('forbidden', `article ${article.id} is in the trash; restore it first`, { reason: 'trashed', state: article.status });
}

/**
 * Why this person may not move this article into the trash (`into`) or back out of it now, or null
 * when they may: it must be on the other side already, and `mayTrash` / `mayRestoreFromTrash` must
 * let them. The access gate and the library both ask this.
 */
export function refuseTrashMove(table: PermissionTable, person: { id: string; role: Role }, article: TrashSubject & { id: string; trashed: boolean }, into: boolean): ApiError | null {
  const action = into ? 'trash' : 'untrash';
  if (article.trashed === into) {
    return new ApiError('forbidden', `article ${article.id} is ${into ? 'already' : 'not'} in the trash`, { reason: 'state', action, state: into ? 'trashed' : article.status });
  }
  const allowed = into ? mayTrash(table, person, article) : mayRestoreFromTrash(table, person, article);
  return allowed ? null : new ApiError('forbidden', `${person.role} may not ${into ? 'trash' : 'restore'} an article that is ${article.status}`, { reason: 'role', action, role: person.role });
}

/** Why this person may not empty the trash, or null for an admin. */
export function refuseEmptyTrash(role: Role): ApiError | null {
  return mayEmptyTrash(role) ? null : new ApiError('forbidden', `${role} may not emptyTrash`, { reason: 'role', action: 'emptyTrash', role });
}
