// The rows an imported story adds besides its article row (that one goes through articleRows'
// writeArticle and the search table's indexArticle, as every write does). Raw inserts here, not
// historyRows' recordVersion/insertAudits: those number, time and coalesce a version as a change
// made now by the signed-in person, and put the entry's actor id in the column that refers to
// people. An import keeps each version's number, revision, kind, state, times and actor as the
// library recorded them, and an actor the server has no account for keeps its id in the JSON
// with no reference (null column) rather than failing the story.
import type { Article } from '../../shared/model/article';
import type { AuditEntry, VersionMeta } from '../../shared/model/history';
import type { Queryable } from '../db/Database';

export async function articleExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM articles WHERE id = $1', [id])).length > 0;
}

/** Of these ids, the ones the server has an article for. */
export async function existingArticles(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** One version as the library kept it; `personId` is the account it refers to, or null. */
export async function insertVersion(tx: Queryable, meta: VersionMeta, article: Article, personId: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO versions (article_id, seq, revision, kind, state, person_id, actor_name, started_at, at, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [article.id, meta.seq, meta.revision, meta.kind, meta.state, personId, meta.actorName, meta.startedAt, meta.at, JSON.stringify(article)],
  );
}

/** The audit log in order (its ids keep the order the history panel reads it in). */
export async function insertAuditEntries(tx: Queryable, articleId: string, entries: readonly { entry: AuditEntry; personId: string | null }[]): Promise<void> {
  for (const { entry, personId } of entries) {
    await tx.query('INSERT INTO audit (at, person_id, action, article_id, entry) VALUES ($1, $2, $3, $4, $5)', [entry.at, personId, entry.action, articleId, JSON.stringify(entry)]);
  }
}
