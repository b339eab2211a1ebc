// Accounts: the first admin by setup code, signing in and out, sessions, passwords, and the
// admin's people. Every method that acts takes the acting person from the session the HTTP layer
// resolved, never from the request body.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/contract/errors';
import type { Database, Queryable } from '../db/Database';
import type { Account } from './accountSchemas';
import { checkThrottle, clearFailures, recordFailure } from './loginThrottle';
import { hashPassword, verifyPassword } from './passwords';
import { auditAccount, changedFields } from './accountAudit';
import { accountOf, countActiveAdmins, insertPerson, personById, personByLogin } from './peopleTable';
import { consumeSetupCode } from './setupCode';
import { createSession, listSessions, revokeAllSessions, revokeSession, SESSION_TTL_MS, sessionFor, type SessionInfo } from './sessions';

export interface Caller {
  sessionId: string;
  person: Account;
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  person: Account;
}

type PersonFields = Omit<Account, 'id' | 'login'>;

const loginTaken = (login: string) => new ApiError('conflict', `the login ${login} is taken`, { field: 'login' });
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly sessionTtlMs = SESSION_TTL_MS,
    /** Told after sessions may have ended (sign-out, revocation, a new password, a person switched off): their live streams close. */
    private readonly sessionsEnded: () => void = () => undefined,
  ) {}

  /** The first admin, with the code the server printed; refused once anyone exists or the code is wrong. */
  async setup(input: { code: string; login: string; password: string; person: Omit<PersonFields, 'role' | 'active'> }, address: string, userAgent: string): Promise<SignedIn> {
    const now = this.now();
    // Wrong codes hold back the address that sent them, not the setup itself: a stranger's guesses
    // must not lock out the person holding the printed code.
    const key = `setup:${address}`;
    await checkThrottle(this.db, key, address, now);
    const hash = await hashPassword(input.password);
    const account: Account = { ...input.person, id: randomUUID(), login: input.login, role: 'admin', active: true };
    const opened = await this.db.transaction(async (tx) => {
      if (!(await consumeSetupCode(tx, input.code))) return null;
      await insertPerson(tx, account, hash, now);
      await auditAccount(tx, now, account.id, 'setupAdmin', account);
      return createSession(tx, account.id, now, userAgent, this.sessionTtlMs);
    });
    if (!opened) {
      await recordFailure(this.db, key, address, now);
      throw new ApiError('forbidden', 'wrong or used setup code', { reason: 'setupCode' });
    }
    return { token: opened.token, expiresAt: opened.expiresAt, person: account };
  }

  async login(login: string, password: string, address: string, userAgent: string): Promise<SignedIn> {
    const now = this.now();
    await checkThrottle(this.db, login, address, now);
    const row = await personByLogin(this.db, login);
    // Always one hash, found or not, so the answer's timing does not tell which logins exist.
    const matches = await verifyPassword(password, row?.password_hash ?? null);
    if (!row || !matches || !row.active) {
      await recordFailure(this.db, login, address, now);
      throw new ApiError('signInFailed', `sign-in refused for ${login}`);
    }
    await clearFailures(this.db, login);
    const opened = await createSession(this.db, row.id, now, userAgent, this.sessionTtlMs);
    return { token: opened.token, expiresAt: opened.expiresAt, person: accountOf(row) };
  }

  /** Who a bearer token belongs to, or `notSignedIn`. */
  async authenticate(token: string | null): Promise<Caller> {
    const found = token ? await sessionFor(this.db, token, this.now()) : null;
    if (!found) throw new ApiError('notSignedIn', token ? 'session unknown, expired or revoked' : 'no session');
    return found;
  }

  async logout(caller: Caller): Promise<void> {
    await revokeSession(this.db, caller.sessionId, caller.person.id, this.now());
    this.sessionsEnded();
  }

  sessions(caller: Caller): Promise<SessionInfo[]> {
    return listSessions(this.db, caller.person.id, this.now(), caller.sessionId);
  }

  /** One's own sessions; an admin may end anyone's. */
  async revoke(caller: Caller, sessionId: string): Promise<void> {
    const ended = await revokeSession(this.db, sessionId, caller.person.role === 'admin' ? null : caller.person.id, this.now());
    if (!ended) throw new ApiError('notFound', `no open session ${sessionId}`);
    this.sessionsEnded();
  }

  /** A new password ends every other session of the person. */
  async changePassword(caller: Caller, current: string, next: string, address: string): Promise<void> {
    // Counted as sign-ins: a session left open on a shared machine must not become a way to guess the password.
    await checkThrottle(this.db, caller.person.login, address, this.now());
    const row = await personById(this.db, caller.person.id);
    if (!row || !(await verifyPassword(current, row.password_hash))) {
      await recordFailure(this.db, caller.person.login, address, this.now());
      throw new ApiError('signInFailed', 'the current password is wrong');
    }
    const hash = await hashPassword(next);
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE people SET password_hash = $2, updated_at = $3 WHERE id = $1', [row.id, hash, this.now()]);
      await revokeAllSessions(tx, row.id, this.now(), caller.sessionId);
      await auditAccount(tx, this.now(), row.id, 'changePassword', row);
    });
    this.sessionsEnded();
  }

  async listPeople(): Promise<Account[]> {
    const rows = await this.db.query<Parameters<typeof accountOf>[0]>('SELECT * FROM people ORDER BY name, id');
    return rows.map(accountOf);
  }

  /** An admin adds a person with an initial password they pass on; the person changes it later. */
  async addPerson(caller: Caller, input: { login: string; password: string; person: PersonFields }): Promise<Account> {
    requireAdmin(caller);
    const account: Account = { ...input.person, id: randomUUID(), login: input.login };
    const hash = await hashPassword(input.password);
    try {
      await this.db.transaction(async (tx) => {
        await insertPerson(tx, account, hash, this.now());
        await auditAccount(tx, this.now(), caller.person.id, 'addPerson', account);
      });
    } catch (err) {
      throw isUniqueViolation(err) ? loginTaken(account.login) : err;
    }
    return account;
  }

  /** An admin sets a new password for someone who forgot theirs; their sessions end. */
  async resetPassword(caller: Caller, personId: string, password: string): Promise<void> {
    requireAdmin(caller);
    const hash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string; name: string }>('UPDATE people SET password_hash = $2, updated_at = $3 WHERE id = $1 RETURNING id, name', [personId, hash, this.now()]);
      if (!row) throw new ApiError('notFound', `no person ${personId}`);
      await revokeAllSessions(tx, personId, this.now());
      await auditAccount(tx, this.now(), caller.person.id, 'resetPassword', row);
    });
    this.sessionsEnded();
  }

  /** An admin changes a person; switching one off ends their sessions. The last active admin stays one. */
  async updatePerson(caller: Caller, person: Omit<Account, 'login'>): Promise<Account> {
    requireAdmin(caller);
    const updated = await this.db.transaction(async (tx: Queryable) => {
      const before = await personById(tx, person.id);
      if (!before) throw new ApiError('notFound', `no person ${person.id}`);
      await tx.query('UPDATE people SET name = $2, role = $3, desk = $4, email = $5, byline_name = $6, byline_role = $7, active = $8, updated_at = $9 WHERE id = $1', [
        person.id,
        person.name,
        person.role,
        person.desk,
        person.email,
        person.bylineName,
        person.bylineRole,
        person.active,
        this.now(),
      ]);
      if (before.role === 'admin' && before.active && (await countActiveAdmins(tx)) === 0) throw new ApiError('forbidden', 'the newsroom must keep an admin', { reason: 'lastAdmin' });
      if (!person.active) await revokeAllSessions(tx, person.id, this.now());
      await auditAccount(tx, this.now(), caller.person.id, 'updatePerson', person, changedFields(accountOf(before), person));
      return { ...person, login: before.login };
    });
    // Switched off, or given another role: open streams close or take the new role.
    this.sessionsEnded();
    return updated;
  }
}

/** Refuses anyone but an admin (decided on the session's person, never on what a request names). */
export function requireAdmin(caller: Caller): void {
  if (caller.person.role !== 'admin') throw new ApiError('forbidden', 'admins only', { reason: 'role' });
}
