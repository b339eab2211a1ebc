// The checking worker's dictionary: both shipped files of the language, and the project's supplement
// for Korean, as the CLI loads it (cli/loadDictionaries.ts).
import { expect, it } from 'vitest';
import { workerDictionary } from './workerDictionaries';
import { KOREAN_SUPPLEMENT } from '../../../../shared/spelling/koreanSupplement';

it('reads the language’s .aff and .dic and adds the supplement for Korean', async () => {
  const read: string[] = [];
  const bytes = async (file: string) => {
    read.push(file);
    return new TextEncoder().encode(file);
  };
  const ko = await workerDictionary('ko', bytes);
  expect([ko.language, new TextDecoder().decode(ko.aff), new TextDecoder().decode(ko.dic), ko.words]).toEqual(['ko', 'ko.aff', 'ko.dic', KOREAN_SUPPLEMENT]);
  expect(ko.words).toContain('스타트업');
  const en = await workerDictionary('en', bytes);
  expect(en.words).toEqual([]);
  expect(read.sort()).toEqual(['en.aff', 'en.dic', 'ko.aff', 'ko.dic']);
});

it('fails as reading fails, so spelling is reported off and house style goes on (copyChecking.ts)', async () => {
  await expect(workerDictionary('ko', async () => Promise.reject(new Error('404')))).rejects.toThrow('404');
});
