// Where the checking worker gets a language's dictionary: the .aff and .dic shipped with the
// renderer (build/dictionaryAssets.ts), read by URL, and the project's own word list for that
// language (shared/spelling/koreanSupplement.ts, bundled with the worker), as the CLI loads them.
import type { Language } from '../../../../shared/model/article';
import type { DictionaryBytes } from '../../../../shared/spelling/hunspellChecker';
import { dictionarySupplement } from '../../../../shared/spelling/koreanSupplement';

export type ReadBytes = (file: string) => Promise<Uint8Array>;

/** A language's dictionary; `read` gets a file of the shipped dictionaries folder (`ko.aff`). */
export async function workerDictionary(language: Language, read: ReadBytes): Promise<DictionaryBytes> {
  const [aff, dic] = await Promise.all([read(`${language}.aff`), read(`${language}.dic`)]);
  return { language, aff, dic, words: dictionarySupplement(language) };
}
