// A PostgreSQL that refuses writes (disk full): the tables of a PostgreSQL of the test's own moved
// to a tablespace on a tiny tmpfs, which a file then fills. Typing gets no acknowledgement and the
// server says in its log what failed, and stays up; a contract save answers `diskFull`. Once the
// file is deleted (space freed) everything typed goes through, and nothing stored before is
// damaged. Mounting needs root (or the right to mount): where it is not permitted the test skips,
// saying so, even in CI.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article, Body } from '../../../shared/model/article';
import { openCollab, type CollabClient } from '../../testing/collabClient';
import { expectEveryEditKept, startNewsroom, startTypists, storedText, waitFor, type Newsroom } from '../../testing/faultChecks';
import { startOwnPostgres, type OwnPostgres } from '../../testing/ownPostgres';

/** A tmpfs mounted on a fresh folder, or why not (no skip in CI: mounting is not permitted everywhere). */
async function mountTiny(sizeMb: number): Promise<{ dir: string; unmount(): Promise<void> } | { skip: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    const why = `mounting a tmpfs is not permitted here (${((err as { stderr?: Buffer }).stderr?.toString() || (err as Error).message).trim()}): the disk-full test needs root or CAP_SYS_ADMIN`;
    console.warn(`skipping the disk-full test: ${why}`);
    return { skip: why };
  }
  return {
    dir,
    async unmount() {
      execFileSync('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Writes zeros into `path` until the file system is full; returns the bytes written. */
async function fill(path: string): Promise<number> {
  const file = await open(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let written = 0;
  try {
    for (;;) written += (await file.write(chunk)).bytesWritten;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await file.close().catch(() => undefined);
  }
  return written;
}

const bodyOf = (text: string): Body => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }) as Body;

const own = await startOwnPostgres();
const tiny = 'skip' in own ? own : await mountTiny(24);

describe.skipIf('skip' in tiny)('a PostgreSQL whose disk is full', () => {
  const pgOwn = own as OwnPostgres;
  const mount = tiny as { dir: string; unmount(): Promise<void> };
  let newsroom: Newsroom | null = null;
  const clients: CollabClient[] = [];
  const logged: string[] = [];
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await newsroom?.close();
    await pgOwn.stop?.();
    await mount.unmount?.();
  }, 60_000);

  it('refuses to acknowledge, answers diskFull, stays up, and stores everything once space is freed', async () => {
    newsroom = await startNewsroom(pgOwn.url, undefined, 1, { log: (line) => logged.push(line), collab: { debounceMs: 200, maxDebounceMs: 1000 } });
    const { servers, tokens, call } = newsroom;
    const [server] = servers;
    // The tablespace's folder belongs to the cluster's owner; every table (and its TOAST) moves there.
    const space = join(mount.dir, 'space');
    await mkdir(space);
    await chown(space, pgOwn.owner.uid, pgOwn.owner.gid);
    await pgOwn.superuser(`CREATE TABLESPACE tiny LOCATION '${space}'`);
    await pgOwn.superuser('ALTER TABLE ALL IN TABLESPACE pg_default SET TABLESPACE tiny', 'copydesk');

    const story = await call<Article>(server, 'kim', 'createArticle');
    const other = await call<Article>(server, 'kim', 'createArticle');
    await call(server, 'kim', 'saveArticle', { id: other.id, baseRevision: other.revision, content: { ...other, body: bodyOf('저장된 문장, 꽉 차기 전'), headline: '꽉 차기 전' } });
    const saved = await call<Article>(server, 'kim', 'getArticle', { id: other.id });
    expect(JSON.stringify(saved.body)).toContain('꽉 차기 전');
    clients.push(openCollab(server.url, story.id, tokens.kim), openCollab(server.url, story.id, tokens.park));
    await waitFor('clients synced', () => clients.every((c) => c.provider.isSynced), 15_000);
    const typists = startTypists(clients, ['kim', 'park'], { pauseMs: 30, ackWaitMs: 1500 });
    let fillerBytes = 0;
    let ackedBeforeFull: string[] = [];
    let closesWhileFull = 0;
    try {
      await waitFor('10 edits acknowledged', () => typists.acked.length >= 10, 20_000);
      ackedBeforeFull = [...typists.acked];
      const filler = join(mount.dir, 'filler');
      fillerBytes = await fill(filler);
      // The pages with room fill up, then an append needs a new one: refused, logged, not acknowledged.
      await waitFor('an append refused for want of space, in the log', () => logged.some((l) => /not stored: .*No space left on device/.test(l)), 45_000);
      // A save through the contract that needs new pages (an incompressible body) answers diskFull.
      const big = bodyOf(randomBytes(256 * 1024).toString('base64'));
      const refused = await server.call('POST', '/api/call/saveArticle', { id: other.id, baseRevision: saved.revision, content: { ...saved, body: big } }, tokens.kim);
      expect(refused.status).not.toBe(200);
      expect(refused.body.error?.code, JSON.stringify(refused.body.error).slice(0, 300)).toBe('diskFull');
      const closesAt = clients.reduce((n, c) => n + c.closes, 0);
      const typedAt = typists.typed.length;
      await waitFor('typing going on against the full disk', () => typists.typed.length >= typedAt + 4, 20_000);
      closesWhileFull = clients.reduce((n, c) => n + c.closes, 0) - closesAt;
      // Still up: /healthz answers, and what was stored before reads back whole.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const before = await storedText(pgOwn.url, story.id);
      for (const edit of ackedBeforeFull) expect(before).toContain(edit);
      expect(JSON.stringify((await call<Article>(server, 'kim', 'getArticle', { id: other.id })).body)).toBe(JSON.stringify(saved.body));

      await rm(filler);
      // Space back: the save goes through, and typing is acknowledged again.
      const again = await server.call('POST', '/api/call/saveArticle', { id: other.id, baseRevision: saved.revision, content: { ...saved, body: big } }, tokens.kim);
      expect(again.status).toBe(200);
      const ackedAtFree = typists.acked.length;
      await waitFor('10 more edits acknowledged after space was freed', () => typists.acked.length >= ackedAtFree + 10, 45_000);
    } finally {
      await typists.stop();
    }
    const stored = await expectEveryEditKept(clients, pgOwn.url, story.id, typists);
    console.info(`[disk full] ${fillerBytes >> 20} MB filler; ${typists.typed.length} edits typed, ${typists.acked.length} acknowledged while typing, all stored (${stored.length} characters) once space was freed; ${closesWhileFull} reconnections while full; log: ${logged.find((l) => /No space left/.test(l))}`);
  }, 120_000);
});
