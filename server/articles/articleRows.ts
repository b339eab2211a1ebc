// Articles in PostgreSQL: the whole article as jsonb (the shared model, read back through its
// schema), with the columns the server filters, joins and locks on beside it.
import { ArticleSchema, type Article } from '../../shared/model/article';
import type { ArticleFacts } from '../../shared/workflow/access';
import { ApiError } from '../../shared/contract/errors';
import type { Queryable } from '../db/Database';

const notFound = (id: string) => new ApiError('notFound', `article ${id} not found`, { id });

/** The article, or `notFound`. `lock` holds its row until the transaction ends: changes to one story queue up. */
export async function readArticle(db: Queryable, id: string, lock = false): Promise<Article> {
  const [row] = await db.query<{ content: unknown }>(`SELECT content FROM articles WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row) throw notFound(id);
  return ArticleSchema.parse(row.content);
}

/** The columns of ArticleFacts (with the id), for a query on `articles`. */
const FACTS = `id, status, trashed_at IS NOT NULL AS trashed, owner_id,
  ARRAY(SELECT r->>'name' FROM jsonb_array_elements(content->'byline'->'reporters') AS r) AS names`;
interface FactsRow {
  id: string;
  status: ArticleFacts['status'];
  trashed: boolean;
  owner_id: string | null;
  names: string[] | null;
}
const factsOf = (row: FactsRow): ArticleFacts => ({ status: row.status, trashed: row.trashed, ownerId: row.owner_id, bylineNames: row.names ?? [] });

/**
 * The articles with these ids that exist, by id, each read once. `share` holds their rows against
 * changes until the transaction ends (taken in id order, so two such reads never deadlock).
 */
export async function readArticles(db: Queryable, ids: readonly string[], share = false): Promise<Map<string, Article>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ content: unknown }>(`SELECT content FROM articles WHERE id = ANY($1::text[]) ORDER BY id${share ? ' FOR SHARE' : ''}`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => {
    const a = ArticleSchema.parse(r.content);
    return [a.id, a];
  }));
}

/** What the access gate needs to know about an article, without reading its copy; null when there is none. */
export async function articleFacts(db: Queryable, id: string): Promise<ArticleFacts | null> {
  const [row] = await db.query<FactsRow>(`SELECT ${FACTS} FROM articles WHERE id = $1`, [id]);
  return row ? factsOf(row) : null;
}

/** Of these articles, the ones whose embargo is later than `now` (the trash's too, as on the desktop), with their facts. */
export async function embargoedAmong(db: Queryable, ids: readonly string[], now: Date): Promise<Map<string, ArticleFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<FactsRow>(`SELECT ${FACTS} FROM articles WHERE id = ANY($1::text[]) AND embargo > $2::timestamptz`, [ids, now.toISOString()]);
  return new Map(rows.map((r) => [r.id, factsOf(r)]));
}

/** Inserts a new article or replaces the stored one (the caller holds its row lock). */
export async function writeArticle(tx: Queryable, a: Article): Promise<void> {
  await tx.query(
    `INSERT INTO articles (id, revision, status, owner_id, language, headline, embargo, trashed_at, created_at, updated_at, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO UPDATE SET revision = $2, status = $3, owner_id = $4, language = $5, headline = $6, embargo = $7,
       trashed_at = $8, updated_at = $10, content = $11`,
    [a.id, a.revision, a.status, a.ownerId, a.language, a.headline, a.embargo, a.trashedAt, a.createdAt, a.updatedAt, JSON.stringify(a)],
  );
}

/** Deletes an article with its versions and audit, for good (emptying the trash, discarding an untouched draft). */
export async function deleteArticle(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM versions WHERE article_id = $1', [id]);
  await tx.query('DELETE FROM audit WHERE article_id = $1', [id]);
  await tx.query('DELETE FROM articles WHERE id = $1', [id]);
}
