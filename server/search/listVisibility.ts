// Who sees which rows of the list, as SQL for searchArticles: the rule of shared/workflow/visibility
// (a draft is seen by its owner, the reporters in its byline, and the roles that may see drafts;
// a draft with no owner and everything past a draft by everyone), read from the owner and byline keys in the terms.
import type { Person } from '../../shared/model/person';
import { bylineNameOf } from '../../shared/workflow/visibility';
import { may, type PermissionTable } from '../../shared/workflow/transitions';
import type { SearchOptions } from './searchArticles';
import { filterKey } from './searchTerms';

export function listVisibility(table: PermissionTable, person: Person): SearchOptions['visibility'] {
  if (may(table, person.role, 'seeDrafts')) return undefined;
  // Their own, a draft with no owner (everyone's), or one naming them in its byline.
  const own = [filterKey.owner(person.id), filterKey.owner(''), filterKey.reporter(bylineNameOf(person))].join(' | ');
  return (bind) => `(s.status <> 'draft' OR s.terms @@ ${bind(own)}::tsquery)`;
}
