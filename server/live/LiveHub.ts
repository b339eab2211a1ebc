// The live channel: every signed-in client holds one server-sent-events stream, and each change to
// a story is pushed to everyone who may see it the moment its transaction commits (the desk's
// queue no longer polls). When sessions end (sign-out, revocation, a new password, a person
// switched off, expiry) their streams are closed. Several instances behind one address hear each
// other's events through Redis (server/instances/InstanceBus.ts, wired in openServer.ts).
import type { ServerResponse } from 'node:http';
import type { ArticleSummary } from '../../shared/model/article';
import type { LiveEvent } from '../../shared/contract/live';
import type { Person } from '../../shared/model/person';
import type { Queryable } from '../db/Database';
import { accountOf, type PersonRow } from '../accounts/peopleTable';

export type { LiveEvent };

interface Stream {
  sessionId: string;
  person: Person;
  res: ServerResponse;
}

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** Sessions expire on their own too: streams are checked this often even when nobody signs out. */
const SESSION_CHECK_MS = 60_000;

export class LiveHub {
  private readonly streams = new Set<Stream>();
  private readonly timers: NodeJS.Timeout[];
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    /** Who may see what, as the settings say now (read once per event): drafts are their reporters' and the desk's. */
    private readonly visibility: () => Promise<(person: Person, summary: ArticleSummary) => boolean>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.timers = [
      setInterval(() => this.each((s) => s.res.write(': ping\n\n')), HEARTBEAT_MS).unref(),
      setInterval(() => void this.sessionsChanged(), SESSION_CHECK_MS).unref(),
    ];
  }

  get size(): number {
    return this.streams.size;
  }

  /** Takes over the response as an event stream until the client leaves or its session ends. */
  open(res: ServerResponse, sessionId: string, person: Person): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });
    // `retry`: a dropped stream is reopened after a second by EventSource-like clients.
    res.write('retry: 1000\n: open\n\n');
    const stream = { sessionId, person, res };
    this.streams.add(stream);
    res.on('close', () => this.streams.delete(stream));
  }

  async publish(event: LiveEvent): Promise<void> {
    const line = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    if (this.streams.size === 0) return;
    const visible = event.type === 'article' ? await this.visibility() : null;
    this.each((s) => {
      if (event.type !== 'article' || visible?.(s.person, event.summary)) s.res.write(line);
    });
  }

  /**
   * Some sessions may have ended, or people changed: streams whose session is no longer open (or
   * whose person was switched off) are closed, and the rest see with the person's current role.
   */
  sessionsChanged(): Promise<void> {
    this.checking = this.checking
      .then(async () => {
        const ids = [...new Set([...this.streams].map((s) => s.sessionId))];
        if (ids.length === 0) return;
        const open = await this.db.query<{ id: string; row: PersonRow }>(
          'SELECT s.id, row_to_json(p.*) AS row FROM sessions s JOIN people p ON p.id = s.person_id WHERE s.id = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > $2 AND p.active',
          [ids, this.now()],
        );
        const alive = new Map(open.map((r) => [r.id, r.row]));
        this.each((s) => {
          const row = alive.get(s.sessionId);
          if (!row) return void s.res.end();
          const { login: _login, ...person } = accountOf(row);
          s.person = person;
        });
      })
      .catch(() => undefined); // the database away: the next check tries again
    return this.checking;
  }

  private each(fn: (s: Stream) => void): void {
    for (const s of this.streams) fn(s);
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    this.each((s) => s.res.end());
    this.streams.clear();
  }
}
