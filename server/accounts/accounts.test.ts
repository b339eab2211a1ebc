// Accounts end to end over HTTP, on PGlite and on the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { ADMIN, startTestServer, type TestServer } from '../testing/testServer';
import { THROTTLE } from './loginThrottle';

const REPORTER = { name: '김하늘', role: 'reporter', desk: '산업부', email: 'sky@example.org', bylineName: '김하늘', bylineRole: '기자', active: true };

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`accounts on ${kind}`, () => {
    const s = store as TestStore;
    let clock = new Date('2026-12-01T09:00:00Z');
    const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
    let server: TestServer;
    let admin: string;
    const TTL = 8 * 3600_000;

    beforeAll(async () => {
      server = await startTestServer(s, { now: () => clock, sessionTtlMs: TTL });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await s.dispose();
    });

    it('opens nothing but the setup before the first admin, and the setup code works once', async () => {
      expect(server.setupCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
      expect((await server.call('POST', '/api/login', { login: 'admin', password: 'admin password' })).body.error?.code).toBe('signInFailed');
      const wrong = await server.call('POST', '/api/setup', { code: 'AAAA-BBBB', login: 'admin', password: 'admin password', person: ADMIN });
      expect([wrong.status, wrong.body.error?.params.reason]).toEqual([403, 'setupCode']);
      // Two setups racing with the right code: exactly one becomes the admin.
      const racing = await Promise.all([1, 2].map(() => server.call('POST', '/api/setup', { code: server.setupCode, login: 'admin', password: 'admin password', person: ADMIN })));
      expect(racing.map((r) => r.status).sort()).toEqual([200, 403]);
      expect(racing.find((r) => r.status === 403)!.body.error?.params.reason).toBe('setupCode');
      admin = (racing.find((r) => r.status === 200)!.body.value as { token: string }).token;
      const me = await server.call('GET', '/api/me', undefined, admin);
      expect(me.body.value).toMatchObject({ login: 'admin', role: 'admin', active: true, name: '관리자' });
      const again = await server.call('POST', '/api/setup', { code: server.setupCode, login: 'admin2', password: 'admin password', person: ADMIN });
      expect([again.status, again.body.error?.params.reason]).toEqual([403, 'setupCode']);
      expect(((await server.call('GET', '/api/people', undefined, admin)).body.value as unknown[]).length).toBe(1);
    });

    it('lets an admin add a person who then signs in; the password is stored as a scrypt hash', async () => {
      const added = await server.call('POST', '/api/people/add', { login: 'Sky', password: 'reporter password', person: REPORTER }, admin);
      expect(added.status).toBe(200);
      expect(added.body.value).toMatchObject({ ...REPORTER, login: 'sky' });
      const [row] = await server.db.query<{ password_hash: string }>("SELECT password_hash FROM people WHERE login = 'sky'");
      expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(row.password_hash).not.toContain('reporter password');
      const login = await server.call('POST', '/api/login', { login: 'SKY', password: 'reporter password' });
      expect(login.status).toBe(200);
      const token = (login.body.value as { token: string }).token;
      expect((await server.call('GET', '/api/me', undefined, token)).body.value).toMatchObject({ login: 'sky', role: 'reporter' });
      expect((await server.call('POST', '/api/people/add', { login: 'sky', password: 'another password', person: REPORTER }, admin)).status).toBe(409);
    });

    it('refuses admin work to a reporter, and a body that names who acts', async () => {
      const token = await signIn('sky', 'reporter password');
      const byReporter = await server.call('POST', '/api/people/add', { login: 'x1', password: 'xxxxxxxxxx', person: REPORTER }, token);
      expect([byReporter.status, byReporter.body.error?.params.reason]).toEqual([403, 'role']);
      // The acting person comes from the session: a request claiming to be the admin is refused outright.
      const claiming = await server.call('POST', '/api/people/add', { login: 'x2', password: 'xxxxxxxxxx', person: REPORTER, actorId: (await me(admin)).id }, token);
      expect([claiming.status, claiming.body.error?.code]).toEqual([400, 'invalidInput']);
      expect(((await server.call('GET', '/api/people', undefined, admin)).body.value as { login: string }[]).map((p) => p.login).sort()).toEqual(['admin', 'sky']);
    });

    it('throttles failed sign-ins per login, even for the right password, until the window passes', async () => {
      for (let i = 0; i < THROTTLE.perLogin; i++) expect((await server.call('POST', '/api/login', { login: 'sky', password: `wrong ${i}` })).body.error?.code).toBe('signInFailed');
      const held = await server.call('POST', '/api/login', { login: 'sky', password: 'reporter password' });
      expect([held.status, held.body.error?.code]).toEqual([429, 'tooManyAttempts']);
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another login is not held back by sky's failures.
      expect((await server.call('POST', '/api/login', { login: 'admin', password: 'admin password' })).status).toBe(200);
      advance(THROTTLE.windowMs + 1000);
      expect((await server.call('POST', '/api/login', { login: 'sky', password: 'reporter password' })).status).toBe(200);
    });

    it('lists and revokes sessions; a revoked or expired session is a 401', async () => {
      const first = await signIn('sky', 'reporter password');
      const second = await signIn('sky', 'reporter password');
      const listed = (await server.call('GET', '/api/sessions', undefined, first)).body.value as { id: string; current: boolean }[];
      expect(listed.filter((x) => x.current)).toHaveLength(1);
      const secondId = ((await server.call('GET', '/api/sessions', undefined, second)).body.value as { id: string; current: boolean }[]).find((x) => x.current)!.id;
      expect((await server.call('POST', '/api/sessions/revoke', { id: secondId }, first)).status).toBe(200);
      const revoked = await server.call('GET', '/api/me', undefined, second);
      expect([revoked.status, revoked.body.error?.code]).toEqual([401, 'notSignedIn']);
      // One person cannot end another's session; an admin can.
      const adminId = ((await server.call('GET', '/api/sessions', undefined, admin)).body.value as { id: string; current: boolean }[]).find((x) => x.current)!.id;
      expect((await server.call('POST', '/api/sessions/revoke', { id: adminId }, first)).status).toBe(404);
      expect((await server.call('GET', '/api/me', undefined, admin)).status).toBe(200);
      advance(TTL + 1000);
      expect((await server.call('GET', '/api/me', undefined, first)).body.error?.code).toBe('notSignedIn');
      admin = await signIn('admin', 'admin password');
    });

    it('changes a password: the old one stops working and other sessions end', async () => {
      const a = await signIn('sky', 'reporter password');
      const b = await signIn('sky', 'reporter password');
      expect((await server.call('POST', '/api/password', { current: 'not it', next: 'new reporter password' }, a)).status).toBe(401);
      expect((await server.call('POST', '/api/password', { current: 'reporter password', next: 'new reporter password' }, a)).status).toBe(200);
      expect((await server.call('GET', '/api/me', undefined, a)).status).toBe(200);
      expect((await server.call('GET', '/api/me', undefined, b)).status).toBe(401);
      expect((await server.call('POST', '/api/login', { login: 'sky', password: 'reporter password' })).status).toBe(401);
      expect((await server.call('POST', '/api/login', { login: 'sky', password: 'new reporter password' })).status).toBe(200);
      // Guessing the current password through an open session counts as failed sign-ins.
      for (let i = 0; i < THROTTLE.perLogin; i++) expect((await server.call('POST', '/api/password', { current: `guess ${i}`, next: 'new reporter password' }, a)).status).toBe(401);
      expect((await server.call('POST', '/api/password', { current: 'new reporter password', next: 'another password' }, a)).status).toBe(429);
      advance(THROTTLE.windowMs + 1000);
    });

    it('lets an admin set a new password for someone who forgot theirs, ending their sessions; a reporter may not', async () => {
      const token = await signIn('sky', 'new reporter password');
      const sky = await me(token);
      const byReporter = await server.call('POST', '/api/people/password', { id: sky.id, password: 'chosen by sky' }, token);
      expect([byReporter.status, byReporter.body.error?.params.reason]).toEqual([403, 'role']);
      expect((await server.call('POST', '/api/people/password', { id: sky.id, password: 'reset by admin' }, admin)).status).toBe(200);
      expect((await server.call('GET', '/api/me', undefined, token)).status).toBe(401);
      expect((await server.call('POST', '/api/login', { login: 'sky', password: 'new reporter password' })).status).toBe(401);
      expect((await server.call('POST', '/api/login', { login: 'sky', password: 'reset by admin' })).status).toBe(200);
      expect((await server.call('POST', '/api/people/password', { id: '00000000-0000-0000-0000-000000000000', password: 'reset by admin' }, admin)).status).toBe(404);
    });

    it('a deactivated person is signed out, cannot sign in, and stays in the list', async () => {
      const token = await signIn('sky', 'reset by admin');
      const sky = await me(token);
      expect((await server.call('POST', '/api/people/update', { person: { ...sky, login: undefined, active: false } }, admin)).status).toBe(200);
      expect((await server.call('GET', '/api/me', undefined, token)).status).toBe(401);
      const refused = await server.call('POST', '/api/login', { login: 'sky', password: 'reset by admin' });
      expect([refused.status, refused.body.error?.code]).toEqual([401, 'signInFailed']);
      const people = (await server.call('GET', '/api/people', undefined, admin)).body.value as { login: string; active: boolean }[];
      expect(people.find((p) => p.login === 'sky')).toMatchObject({ active: false });
    });

    it('keeps the last admin an admin', async () => {
      const self = await me(admin);
      const demoted = await server.call('POST', '/api/people/update', { person: { ...self, login: undefined, role: 'editor' } }, admin);
      expect([demoted.status, demoted.body.error?.params.reason]).toEqual([403, 'lastAdmin']);
      expect((await me(admin)).role).toBe('admin');
    });

    it('removes sessions that ended more than 30 days ago at the next sign-in', async () => {
      expect((await server.db.query('SELECT id FROM sessions')).length).toBeGreaterThan(3);
      advance(40 * 24 * 3600_000);
      admin = await signIn('admin', 'admin password');
      expect((await server.db.query('SELECT id FROM sessions')).length).toBe(1);
    });

    it('audits every change to people, with who made it, and none that was refused', async () => {
      const rows = await server.db.query<{ action: string; person_id: string; entry: { subjectName: string; changed: string[] } }>('SELECT action, person_id, entry FROM audit WHERE article_id IS NULL ORDER BY id');
      const adminId = (await me(admin)).id;
      const skyId = (await server.db.query<{ id: string }>("SELECT id FROM people WHERE login = 'sky'"))[0].id;
      expect(rows.map((r) => [r.action, r.person_id === adminId ? 'admin' : r.person_id === skyId ? 'sky' : r.person_id, r.entry.subjectName, r.entry.changed])).toEqual([
        ['setupAdmin', 'admin', '관리자', []],
        ['addPerson', 'admin', '김하늘', []],
        ['changePassword', 'sky', '김하늘', []],
        ['resetPassword', 'admin', '김하늘', []],
        ['updatePerson', 'admin', '김하늘', ['active']],
      ]);
    });

    async function signIn(login: string, password: string): Promise<string> {
      const answer = await server.call('POST', '/api/login', { login, password });
      if (answer.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(answer.body)}`);
      return (answer.body.value as { token: string }).token;
    }
    async function me(token: string) {
      return (await server.call('GET', '/api/me', undefined, token)).body.value as { id: string; role: string } & Record<string, unknown>;
    }
  });
}
