// Who may see a story. A draft is its reporter's until it is sent: its owner and the reporters
// named in its byline see it, and so do the roles the permission table lets see drafts (the desk,
// by default). Everything past a draft is the newsroom's to see, and so is a draft with no owner
// (written before stories had owners: it was everyone's then). Applied to reads and to the list.
import type { ArticleStatus } from '../model/article';
import type { Person } from '../model/person';
import { may, type PermissionTable } from './transitions';

export interface SeenArticle {
  status: ArticleStatus;
  ownerId: string | null;
  /** The names in the byline (co-bylined reporters see the draft they share). */
  bylineNames: readonly string[];
}

/** The name a person's byline carries (how a co-bylined reporter is recognised). */
export const bylineNameOf = (person: Pick<Person, 'bylineName' | 'name'>): string => person.bylineName || person.name;

export function maySee(table: PermissionTable, person: Pick<Person, 'id' | 'role' | 'bylineName' | 'name'>, article: SeenArticle): boolean {
  if (article.status !== 'draft' || article.ownerId === null) return true;
  if (article.ownerId === person.id || may(table, person.role, 'seeDrafts')) return true;
  return article.bylineNames.includes(bylineNameOf(person));
}
