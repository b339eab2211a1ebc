// The article header is defined once (shared/model/article.ts): the list's summary and a backup row
// carry exactly its fields with the article's values, and a row keeps the key order chunks are
// hashed in, so snapshots taken before and after share their chunks.
import { describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_VERSION, ArticleHeaderSchema, emptyContent, headerOf, type Article } from '../../shared/model/article';
import { summarise } from '../articleSummary';
import { RowSchema } from './format';
import { rowOf } from './rows';

const article: Article = {
  ...emptyContent('ko'),
  kicker: '단독',
  headline: '항만 자동화 3년 앞당긴다',
  schemaVersion: ARTICLE_SCHEMA_VERSION,
  id: 'b0a7c6d2-1111-4222-8333-444455556666',
  revision: 7,
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-02-03T04:05:06.000Z',
  status: 'review',
  trashedAt: null,
  ownerId: 'person-reporter',
  corrections: [],
  lastTransition: null,
};
const HEADER = ['id', 'revision', 'headline', 'kicker', 'language', 'status', 'createdAt', 'updatedAt', 'trashedAt'];

describe('the article header, defined once', () => {
  it('headerOf keeps the header fields with their values, and nothing else', () => {
    expect(Object.keys(ArticleHeaderSchema.shape)).toEqual(HEADER);
    const header = headerOf(article);
    expect(Object.keys(header)).toEqual(HEADER);
    for (const key of HEADER) expect(header[key as keyof typeof header]).toEqual(article[key as keyof Article]);
  });

  it('the summary and the backup row carry the same header', () => {
    const row = rowOf(article, { hash: 'a'.repeat(64), bytes: 1234, mtimeMs: 5678 });
    expect(headerOf(summarise(article))).toEqual(headerOf(article));
    expect(headerOf(row)).toEqual(headerOf(article));
  });

  it('a row keeps the order its chunks are hashed in, written and read back', () => {
    const row = rowOf(article, { hash: 'a'.repeat(64), bytes: 1234, mtimeMs: 5678 });
    const order = ['id', 'hash', 'bytes', 'mtimeMs', 'contentHash', ...HEADER.slice(1), 'photos'];
    expect(Object.keys(row)).toEqual(order);
    expect(Object.keys(RowSchema.shape)).toEqual(order);
    expect(JSON.stringify(RowSchema.parse(JSON.parse(JSON.stringify(row))))).toBe(JSON.stringify(row));
  });
});
