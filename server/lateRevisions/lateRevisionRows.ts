// Late revisions in PostgreSQL (migration 009): one row each, read back through the contract's
// schema with the names of who typed and who decided it (people are renamed; the list shows the
// names as they are now).
import { LateRevisionSchema, type LateRevision, type LateRevisionState } from '../../shared/contract/lateRevision';
import { ApiError } from '../../shared/contract/errors';
import type { Body } from '../../shared/model/article';
import type { Queryable } from '../db/Database';

interface Row {
  id: string;
  article_id: string;
  person_id: string;
  person_name: string | null;
  typed_at: Date | string;
  received_at: Date | string;
  body: unknown;
  fields: unknown;
  state: LateRevisionState;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | string | null;
}

const iso = (t: Date | string) => new Date(t).toISOString();
const SELECT = `SELECT l.id, l.article_id, l.person_id, p.name AS person_name, l.typed_at, l.received_at, l.body, l.fields,
  l.state, l.decided_by, d.name AS decided_by_name, l.decided_at
  FROM late_revisions l LEFT JOIN people p ON p.id = l.person_id LEFT JOIN people d ON d.id = l.decided_by`;

function revisionOf(r: Row): LateRevision {
  return LateRevisionSchema.parse({
    id: r.id,
    articleId: r.article_id,
    personId: r.person_id,
    personName: r.person_name ?? '',
    typedAt: iso(r.typed_at),
    receivedAt: iso(r.received_at),
    body: r.body,
    fields: r.fields,
    state: r.state,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by === null ? null : (r.decided_by_name ?? ''),
    decidedAt: r.decided_at === null ? null : iso(r.decided_at),
  });
}

export interface NewLateRevision {
  id: string;
  articleId: string;
  personId: string;
  key: string;
  typedAt: string;
  receivedAt: string;
  body: Body;
  fields: LateRevision['fields'];
}

/** Stores it, or finds the one this person already handed in with this key (null when that was for another story). */
export async function insertLateRevision(tx: Queryable, r: NewLateRevision): Promise<{ id: string; articleId: string }> {
  await tx.query(
    `INSERT INTO late_revisions (id, article_id, person_id, client_key, typed_at, received_at, body, fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (person_id, client_key) DO NOTHING`,
    [r.id, r.articleId, r.personId, r.key, r.typedAt, r.receivedAt, JSON.stringify(r.body), JSON.stringify(r.fields)],
  );
  const [row] = await tx.query<{ id: string; article_id: string }>('SELECT id, article_id FROM late_revisions WHERE person_id = $1 AND client_key = $2', [r.personId, r.key]);
  return { id: row.id, articleId: row.article_id };
}

export async function readLateRevision(db: Queryable, id: string): Promise<LateRevision | null> {
  const [row] = await db.query<Row>(`${SELECT} WHERE l.id = $1`, [id]);
  return row ? revisionOf(row) : null;
}

/** A story's late revisions, newest first; only `personId`'s when given. */
export async function lateRevisionsOf(db: Queryable, articleId: string, personId: string | null): Promise<LateRevision[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE l.article_id = $1 AND ($2::text IS NULL OR l.person_id = $2) ORDER BY l.received_at DESC, l.typed_at DESC, l.id`, [articleId, personId]);
  return rows.map(revisionOf);
}

/**
 * Marks an open late revision of this story decided, its row locked until the transaction ends:
 * one not found on the story is `notFound`, one already decided a `conflict` (decided once).
 */
export async function decideRow(tx: Queryable, articleId: string, id: string, state: 'taken' | 'dropped', by: string, at: string): Promise<LateRevision> {
  const [row] = await tx.query<{ state: LateRevisionState }>('SELECT state FROM late_revisions WHERE id = $1 AND article_id = $2 FOR UPDATE', [id, articleId]);
  if (!row) throw new ApiError('notFound', `article ${articleId} has no late revision ${id}`, { id: articleId, revision: id });
  if (row.state !== 'open') throw new ApiError('conflict', `late revision ${id} was already ${row.state}`, { id: articleId, revision: id, state: row.state });
  await tx.query('UPDATE late_revisions SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1', [id, state, by, at]);
  return (await readLateRevision(tx, id))!;
}
