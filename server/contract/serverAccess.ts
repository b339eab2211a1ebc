// The server's access context for the shared gate (shared/workflow/access.ts): the only person it
// knows is the one the session names, the article facts come from PostgreSQL, the permission
// table from the newsroom's settings.
import type { Method } from '../../shared/contract/api';
import type { Person } from '../../shared/model/person';
import type { Settings } from '../../shared/model/settings';
import { decideAccess, type AccessRequest } from '../../shared/workflow/access';
import type { Queryable } from '../db/Database';
import { articleFacts } from '../articles/articleRows';

/** Throws the refusal for this request by this person, or returns when it may go ahead. */
export async function checkAccess(db: Queryable, method: Method, req: AccessRequest, person: Person, settings: Settings): Promise<void> {
  const id = typeof req.id === 'string' ? req.id : null;
  const facts = id ? await articleFacts(db, id) : null;
  const { permissions } = settings.workflow;
  const refusal = decideAccess(method, req, {
    personOf: (asked) => (asked === person.id ? person : null),
    articleOf: () => facts,
    permissions,
    // People are the accounts' business on the server (server/accounts); the gate never sets up a first person here.
    people: { now: 1, ever: true },
  });
  if (refusal) throw refusal;
}
