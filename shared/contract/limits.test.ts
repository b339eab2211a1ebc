// Every call that takes or gives a list of article ids holds the one limit, MAX_ARTICLE_IDS, which
// the renderer asks for; a call with one id more is refused at the boundary.
import { describe, expect, it } from 'vitest';
import { contract } from './api';
import { MAX_ARTICLE_IDS } from './limits';

const actor = 'person-desk';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `article-${String(i).padStart(6, '0')}`);
const job = 'job-00000001';

const cases: [string, (n: number) => unknown][] = [
  ['queryArticleIds', (n) => ({ actor, scope: 'active', text: '', filters: {}, order: 'auto', max: n })],
  ['embargoedArticles', (n) => ({ actor, ids: ids(n) })],
  ['exportArticles', (n) => ({ actor, jobId: job, ids: ids(n), formats: ['html'] })],
  ['restoreBackup', (n) => ({ actor, jobId: job, snapshot: '20250101T000000Z-abcdef', ids: ids(n) })],
];

describe('the article-id limit of the contract', () => {
  for (const [method, input] of cases) {
    it(`${method} takes ${MAX_ARTICLE_IDS} ids and refuses one more`, () => {
      const schema = contract[method as keyof typeof contract].input;
      const at = schema.safeParse(input(MAX_ARTICLE_IDS));
      expect(at.success, JSON.stringify(at.error?.issues.slice(0, 2))).toBe(true);
      expect(schema.safeParse(input(MAX_ARTICLE_IDS + 1)).success).toBe(false);
    });
  }
});
