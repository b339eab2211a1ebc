// Versions and the audit log in PostgreSQL. A version row holds the whole article as it was, like
// the desktop's version files; which version a change is kept as is shared/workflow/versions.ts.
import { ArticleSchema, type Article } from '../../shared/model/article';
import { AuditEntrySchema, type AuditEntry, type VersionKind, type VersionMeta } from '../../shared/model/history';
import { ApiError } from '../../shared/contract/errors';
import { nextVersion } from '../../shared/workflow/versions';
import type { Queryable } from '../db/Database';

interface VersionRow {
  seq: number;
  revision: number;
  kind: VersionKind;
  state: VersionMeta['state'];
  person_id: string | null;
  actor_name: string;
  started_at: Date | string;
  at: Date | string;
}

const iso = (t: Date | string) => new Date(t).toISOString();
const META = 'seq, revision, kind, state, person_id, actor_name, started_at, at';

function metaOf(row: VersionRow): VersionMeta {
  return { seq: row.seq, revision: row.revision, kind: row.kind, state: row.state, actorId: row.person_id ?? '', actorName: row.actor_name, startedAt: iso(row.started_at), at: iso(row.at) };
}

/** Keeps `article` as a version (coalescing a minute's saves by one person), in the caller's transaction. */
export async function recordVersion(tx: Queryable, article: Article, kind: VersionKind, actor: { id: string; name: string }, now: Date): Promise<VersionMeta> {
  const [last] = await tx.query<VersionRow>(`SELECT ${META} FROM versions WHERE article_id = $1 ORDER BY seq DESC LIMIT 1`, [article.id]);
  const meta = nextVersion(last ? metaOf(last) : null, article, kind, actor, now);
  await tx.query(
    `INSERT INTO versions (article_id, seq, revision, kind, state, person_id, actor_name, started_at, at, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (article_id, seq) DO UPDATE SET revision = $3, kind = $4, state = $5, person_id = $6, actor_name = $7, started_at = $8, at = $9, content = $10`,
    [article.id, meta.seq, meta.revision, meta.kind, meta.state, meta.actorId, meta.actorName, meta.startedAt, meta.at, JSON.stringify(article)],
  );
  return meta;
}

export async function insertAudit(tx: Queryable, articleId: string, entry: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit (at, person_id, action, article_id, entry) VALUES ($1, $2, $3, $4, $5)', [entry.at, entry.actorId, entry.action, articleId, JSON.stringify(entry)]);
}

/** Several entries in one statement, in order (an export of thousands of articles is one round trip). */
export async function insertAudits(tx: Queryable, entries: readonly { articleId: string; entry: AuditEntry }[]): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map((_, i) => `($${i * 5 + 1}::timestamptz, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}::jsonb)`);
  const params = entries.flatMap(({ articleId, entry }) => [entry.at, entry.actorId, entry.action, articleId, JSON.stringify(entry)]);
  await tx.query(`INSERT INTO audit (at, person_id, action, article_id, entry) VALUES ${values.join(', ')}`, params);
}

/** Versions newest first and the audit log oldest first, as the history panel shows them. */
export async function historyOf(db: Queryable, id: string): Promise<{ versions: VersionMeta[]; audit: AuditEntry[] }> {
  const versions = await db.query<VersionRow>(`SELECT ${META} FROM versions WHERE article_id = $1 ORDER BY seq DESC`, [id]);
  const audit = await db.query<{ entry: unknown }>('SELECT entry FROM audit WHERE article_id = $1 ORDER BY id', [id]);
  return { versions: versions.map(metaOf), audit: audit.map((r) => AuditEntrySchema.parse(r.entry)) };
}

export async function versionOf(db: Queryable, id: string, seq: number): Promise<Article> {
  const [row] = await db.query<{ content: unknown }>('SELECT content FROM versions WHERE article_id = $1 AND seq = $2', [id, seq]);
  if (!row) throw new ApiError('notFound', `article ${id} has no version ${seq}`, { id, seq });
  return ArticleSchema.parse(row.content);
}

export async function hasAudit(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit WHERE article_id = $1', [id]);
  return row.n > 0;
}

/**
 * For each article, the number History shows for its copy as it is: the newest version holding
 * its revision (core/Library.ts versionHolding); none where no version holds it.
 */
export async function versionsHolding(db: Queryable, articles: readonly { id: string; revision: number }[]): Promise<Map<string, number>> {
  if (articles.length === 0) return new Map();
  const rows = await db.query<{ article_id: string; seq: number }>(
    `SELECT v.article_id, max(v.seq)::int AS seq FROM versions v
       JOIN unnest($1::text[], $2::int[]) AS a(id, revision) ON v.article_id = a.id AND v.revision = a.revision
      GROUP BY v.article_id`,
    [articles.map((a) => a.id), articles.map((a) => a.revision)],
  );
  return new Map(rows.map((r) => [r.article_id, r.seq]));
}
