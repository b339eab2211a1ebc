// The CLI's dictionaries carry the project's own word list: Korean with the supplement
// (shared/spelling/koreanSupplement.ts), English with none yet.
import { expect, it } from 'vitest';
import { loadDictionary } from './loadDictionaries';
import { KOREAN_SUPPLEMENT } from '../shared/spelling/koreanSupplement';

it('loads Korean with the supplement and English without one', async () => {
  const ko = await loadDictionary('ko');
  expect(ko.dic.byteLength).toBeGreaterThan(100_000);
  expect(ko.words).toBe(KOREAN_SUPPLEMENT);
  expect(ko.words).toEqual(expect.arrayContaining(['노원', '스타트업', '금통위']));
  const en = await loadDictionary('en');
  expect([en.language, en.words]).toEqual(['en', []]);
}, 60_000);
