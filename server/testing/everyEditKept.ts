// The fault tests' one verdict: after a fault, every client of a story holds the same document,
// equal to what the database holds, and every edit a client saw acknowledged is in it, once.
// "What the database holds" is the story's stored updates (its open epoch's rows, merged) or,
// after a store (a graceful stop, a debounce that ran), its article row's body.
import pg from 'pg';
import * as Y from 'yjs';
import { readBody } from '../../shared/live/bodyFragment';
import type { Queryable } from '../db/Database';
import type { CollabClient } from './collabClient';

export interface StoryEdits {
  /** The article's id (the live document's name). */
  id: string;
  /** Every client still open on the story (each must reach the same document). */
  clients: CollabClient[];
  /** The edits (unique strings) a client of the story saw acknowledged. */
  acked: readonly string[];
}

export interface KeptOptions {
  /** 'updates' (default): the open epoch's collab_updates merged; 'article': the article row's body. */
  source?: 'updates' | 'article';
  /** How long the clients get to send what they hold and converge (ms; default 60 s). */
  settleMs?: number;
}

export interface KeptReport {
  stories: number;
  clients: number;
  /** Acknowledged edits checked, in all stories. */
  acked: number;
  /** Acknowledged edits missing from (or not exactly once in) the database or a client: [] when nothing was lost. */
  lost: string[];
  /** What went wrong, one line each: [] when every story is whole and alike everywhere. */
  problems: string[];
}

/** A PostgreSQL URL (a client of its own is opened and closed) or an open database. */
export type Stored = string | Queryable;

async function withDb<T>(stored: Stored, fn: (db: Queryable) => Promise<T>): Promise<T> {
  if (typeof stored !== 'string') return fn(stored);
  const client = new pg.Client({ connectionString: stored });
  await client.connect();
  try {
    return await fn({
      query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
      exec: async (sql: string) => void (await client.query(sql)),
    });
  } finally {
    await client.end();
  }
}

/** JSON with every object's keys sorted (jsonb keeps its own key order, not the one written). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** The body the database holds for a story, as canonical JSON text (see the file's head for the two sources). */
export async function storedBody(stored: Stored, articleId: string, source: KeptOptions['source'] = 'updates'): Promise<string> {
  return withDb(stored, async (db) => {
    if (source === 'article') {
      const [row] = await db.query<{ content: { body?: unknown } }>('SELECT content FROM articles WHERE id = $1', [articleId]);
      if (!row) throw new Error(`no article row ${articleId}`);
      return canonical(row.content.body);
    }
    const rows = await db.query<{ update: Uint8Array }>(
      'SELECT u.update FROM collab_updates u JOIN collab_epochs e USING (article_id, epoch) WHERE u.article_id = $1 AND NOT e.closed ORDER BY u.seq',
      [articleId],
    );
    const doc = new Y.Doc();
    try {
      for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.update));
      return canonical(readBody(doc));
    } finally {
      doc.destroy();
    }
  });
}

/** Where two texts part, shown briefly: `at 120: «…client…» / «…database…»`. */
function whereApart(client: string, db: string): string {
  let at = 0;
  while (at < client.length && client[at] === db[at]) at++;
  const near = (t: string) => JSON.stringify(t.slice(Math.max(0, at - 20), at + 60));
  return `at ${at} of ${client.length}/${db.length}: client ${near(client)}, database ${near(db)}`;
}

const occurrences = (text: string, edit: string) => text.split(edit).length - 1;

/**
 * Waits (up to `settleMs`) for every client to have nothing unacknowledged and its story's clients
 * to agree, then compares with the database. Never throws for a lost edit: the report says
 * (`expectEveryEditKept` asserts). Clients that never converged are reported, not waited on again.
 */
export async function everyEditKept(stored: Stored, stories: readonly StoryEdits[], options: KeptOptions = {}): Promise<KeptReport> {
  const settleMs = options.settleMs ?? 60_000;
  const text = (c: CollabClient) => canonical(c.body());
  const settled = (s: StoryEdits) => s.clients.every((c) => c.provider.isSynced && c.provider.unsyncedChanges === 0 && text(c) === text(s.clients[0]));
  const started = Date.now();
  while (!stories.every(settled) && Date.now() - started < settleMs) await new Promise((r) => setTimeout(r, 50));
  const report: KeptReport = { stories: stories.length, clients: 0, acked: 0, lost: [], problems: [] };
  for (const story of stories) {
    report.clients += story.clients.length;
    report.acked += story.acked.length;
    if (!settled(story)) report.problems.push(`story ${story.id}: its ${story.clients.length} clients did not converge (or kept unacknowledged changes) in ${settleMs} ms`);
    const inDb = await storedBody(stored, story.id, options.source);
    story.clients.forEach((c, i) => {
      if (text(c) !== inDb) report.problems.push(`story ${story.id}: client ${i}'s document differs from the database's ${whereApart(text(c), inDb)}`);
    });
    const lost = new Set<string>();
    for (const edit of story.acked) {
      if (occurrences(inDb, edit) !== 1) {
        lost.add(edit);
        report.problems.push(`story ${story.id}: acknowledged edit ${edit} is ${occurrences(inDb, edit)} times in the database`);
      }
      story.clients.forEach((c, i) => {
        if (occurrences(text(c), edit) !== 1) {
          lost.add(edit);
          report.problems.push(`story ${story.id}: acknowledged edit ${edit} is ${occurrences(text(c), edit)} times in client ${i}`);
        }
      });
    }
    report.lost.push(...lost);
  }
  return report;
}

/** `everyEditKept`, throwing with every problem listed when there is one; the report otherwise. */
export async function expectEveryEditKept(stored: Stored, stories: readonly StoryEdits[], options?: KeptOptions): Promise<KeptReport> {
  const report = await everyEditKept(stored, stories, options);
  if (report.problems.length > 0) {
    throw new Error(`${report.lost.length} of ${report.acked} acknowledged edits lost; ${report.problems.length} problems:\n${report.problems.slice(0, 40).join('\n')}`);
  }
  return report;
}
