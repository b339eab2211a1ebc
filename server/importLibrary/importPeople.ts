// A local library's people on the newsroom server: each is matched to an account, or becomes one.
// Matched by id first (a person this command brought in before, so a second import makes no
// second account), then by e-mail (the same person under the server's own id). The rest become
// accounts with their library id and no password: nobody can sign in as them until an admin
// sets one (resetPassword), so an import never hands out a password.
import type { Article } from '../../shared/model/article';
import type { AuditEntry, VersionMeta } from '../../shared/model/history';
import type { Person } from '../../shared/model/person';
import type { Database, Queryable } from '../db/Database';
import { auditAccount } from '../accounts/accountAudit';
import { accountOf, insertPerson, type PersonRow } from '../accounts/peopleTable';
import type { Account } from '../accounts/accountSchemas';

export interface PeopleOutcome {
  /** Library person id → server account id. */
  ids: Map<string, string>;
  matched: { name: string; email: string; accountId: string; by: 'id' | 'email' }[];
  created: Account[];
}

const emailKey = (email: string) => email.trim().toLowerCase();

/** A login for a new account: the e-mail, else the name without spaces; `-2`, `-3`… where taken. */
function freeLogin(person: Person, taken: Set<string>): string {
  const base = (emailKey(person.email) || person.name.replace(/\s+/g, '').toLowerCase() || person.id).slice(0, 90);
  let login = base;
  for (let n = 2; taken.has(login); n++) login = `${base}-${n}`;
  taken.add(login);
  return login;
}

/**
 * Matches or creates every person, in one transaction: either all of them are on the server or none
 * is. `by`: the admin uploading from the app, named in each new account's audit entry.
 */
/** The accounts by id and by e-mail, to match a library's people against. */
async function accountsOf(db: Queryable): Promise<{ rows: Account[]; byId: Map<string, Account>; byEmail: Map<string, Account> }> {
  const rows = (await db.query<PersonRow>('SELECT * FROM people')).map(accountOf);
  return { rows, byId: new Map(rows.map((a) => [a.id, a])), byEmail: new Map(rows.filter((a) => emailKey(a.email)).map((a) => [emailKey(a.email), a])) };
}

/** The one matching rule: the same id (brought in before), else the same e-mail. */
function matchOf(person: Person, byId: ReadonlyMap<string, Account>, byEmail: ReadonlyMap<string, Account>): { account: Account; by: 'id' | 'email' } | null {
  const same = byId.get(person.id);
  if (same) return { account: same, by: 'id' };
  const mail = emailKey(person.email) ? byEmail.get(emailKey(person.email)) : undefined;
  return mail ? { account: mail, by: 'email' } : null;
}

/**
 * Library person id → account, read only, by the same rule: for a story uploaded after its people
 * were (the server works the ids out itself; a map from the request could name anyone).
 */
export async function matchPeople(db: Queryable, people: readonly Person[]): Promise<Map<string, string>> {
  const { byId, byEmail } = await accountsOf(db);
  const ids = new Map<string, string>();
  for (const person of people) {
    const match = matchOf(person, byId, byEmail);
    if (match) ids.set(person.id, match.account.id);
  }
  return ids;
}

export async function importPeople(db: Database, people: readonly Person[], now: Date, by?: string): Promise<PeopleOutcome> {
  return db.transaction(async (tx) => {
    const { rows, byId, byEmail } = await accountsOf(tx);
    const taken = new Set(rows.map((a) => a.login));
    const outcome: PeopleOutcome = { ids: new Map(), matched: [], created: [] };
    for (const person of people) {
      const found = matchOf(person, byId, byEmail);
      const match = found?.account;
      const same = found?.by === 'id';
      if (match) {
        outcome.ids.set(person.id, match.id);
        outcome.matched.push({ name: person.name, email: person.email, accountId: match.id, by: same ? 'id' : 'email' });
        continue;
      }
      const account: Account = { ...person, login: freeLogin(person, taken) };
      await insertPerson(tx, account, null, now);
      // From the command line no one signed in made it: the audit names the account itself as the actor.
      await auditAccount(tx, now, by ?? account.id, 'importPerson', account);
      byId.set(account.id, account);
      if (emailKey(account.email)) byEmail.set(emailKey(account.email), account);
      outcome.ids.set(person.id, account.id);
      outcome.created.push(account);
    }
    return outcome;
  });
}

/**
 * Person ids in an article, its versions and audit, as the server knows them. An id the library
 * never listed (a person file lost) keeps its text in the JSON; `known` says which ids may be
 * written to the columns that refer to people.
 */
export class PersonIds {
  constructor(
    private readonly ids: ReadonlyMap<string, string>,
    private readonly known: ReadonlySet<string>,
  ) {}

  id(id: string): string {
    return this.ids.get(id) ?? id;
  }

  /** For a column that refers to `people`: the server id, or null when no account has it. */
  column(id: string | null): string | null {
    if (id === null) return null;
    const mapped = this.id(id);
    return this.known.has(mapped) ? mapped : null;
  }

  article(a: Article): Article {
    return {
      ...a,
      ownerId: a.ownerId === null ? null : this.id(a.ownerId),
      lastTransition: a.lastTransition && { ...a.lastTransition, actorId: this.id(a.lastTransition.actorId) },
    };
  }

  meta(m: VersionMeta): VersionMeta {
    return { ...m, actorId: this.id(m.actorId) };
  }

  audit(e: AuditEntry): AuditEntry {
    return { ...e, actorId: this.id(e.actorId) };
  }
}
