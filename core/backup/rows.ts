// A snapshot row from an article file, and the fingerprint that says whether restoring would
// change anything. Taking a snapshot reads only what a row needs, checked lightly (the whole
// article is checked against its schema when it is restored): a full check of every changed file
// would double the cost of the first snapshot of a big library.
import { z } from 'zod';
import { ArticleHeaderSchema, contentOf, headerOf, type Article } from '../../shared/model/article';
import { photoIdsIn } from '../../shared/photos/figures';
import { migrateArticle } from '../migrations/migrateArticle';
import { sha256Hex } from '../media/sha256Hex';
import { looksLikeBody, normaliseBody } from '../../shared/body/normaliseBody';
import type { Row } from './format';

const RowSourceSchema = z.looseObject({
  ...ArticleHeaderSchema.shape,
  corrections: z.array(z.unknown()),
  body: z.looseObject({ type: z.literal('doc') }),
});

/** The article in a file's bytes, upgraded and checked as far as a row needs; throws if it is not one. */
export function articleForRow(bytes: Uint8Array): Article {
  const raw = migrateArticle(JSON.parse(Buffer.from(bytes).toString('utf8')));
  const article = RowSourceSchema.parse(raw) as unknown as Article;
  // Fitted as the library reads it (ArticleStore), so a file nested past the limit hashes as the
  // copy the library shows, and no recursive walk below sees its raw depth.
  return looksLikeBody(article.body) ? { ...article, body: normaliseBody(article.body).body } : article;
}

/**
 * What a restore puts back (the copy, its state and its corrections); revision and dates are left
 * out. Keys are hashed in the order the file has them: the library always writes them in one order,
 * and a copy that differs only in order would at worst be restored once more, unchanged.
 */
export function contentHashOf(article: Article): string {
  return sha256Hex(Buffer.from(JSON.stringify([contentOf(article), article.status, article.corrections]))).slice(0, 16);
}

/** Keys in RowSchema's order (the id, the file, the header, the photos): rows are hashed as JSON in chunks. */
export function rowOf(article: Article, file: { hash: string; bytes: number; mtimeMs: number }): Row {
  const { id, ...header } = headerOf(article);
  return {
    id,
    hash: file.hash,
    bytes: file.bytes,
    mtimeMs: file.mtimeMs,
    contentHash: contentHashOf(article),
    ...header,
    photos: photoIdsIn(article.body),
  };
}
