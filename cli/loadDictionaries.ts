// The Korean and English Hunspell dictionaries for Node (the CLI): the dictionary-* packages read
// their .aff and .dic files beside themselves (import.meta.url), so they stay outside the esbuild
// bundle (scripts/buildCli.mjs keeps every npm package external) and are imported only when
// spelling runs, not at every `copydesk` start. The editor's worker fetches the same bytes by URL.
import type { Language } from '../shared/model/article';
import type { DictionaryBytes } from '../shared/spelling/hunspellChecker';
import { dictionarySupplement } from '../shared/spelling/koreanSupplement';

type DictionaryModule = { default: { aff: Uint8Array; dic: Uint8Array } };

const importers: Record<Language, () => Promise<DictionaryModule>> = {
  ko: () => import('dictionary-ko'),
  en: () => import('dictionary-en'),
};

/** One language's dictionary bytes (about 1 MB for Korean), with the words the project ships beside it. */
export async function loadDictionary(language: Language): Promise<DictionaryBytes> {
  const { default: dictionary } = await importers[language]();
  return { language, aff: dictionary.aff, dic: dictionary.dic, words: dictionarySupplement(language) };
}
