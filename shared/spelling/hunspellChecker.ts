// Spelling with real Hunspell compiled to WebAssembly (hunspell-asm), the same code in Node, a
// browser Web Worker and the CLI. The core takes the dictionary as bytes, never a path: the worker
// fetches them by URL, Node reads them from the dictionary-* packages (loadNodeDictionaries.ts).
// nspell was measured first and accepts every Korean word with dictionary-ko, so it is not used.
import { loadModule } from 'hunspell-asm';
import type { Language } from '../model/article';
import { spellWords } from './spellWords';

/**
 * A Hunspell dictionary: the .aff and .dic files' bytes, the language of the copy it checks, and
 * the words the project ships beside it (koreanSupplement.ts; the loaders add them).
 */
export type DictionaryBytes = { language: Language; aff: Uint8Array; dic: Uint8Array; words?: readonly string[] };

export type SpellFinding = {
  /** UTF-16 code units before the word in the paragraph, as the editor counts. */
  offset: number;
  length: number;
  text: string;
  /** Hunspell's suggestions, best first, at most five; empty when it has none. */
  suggestions: string[];
  message?: string;
};

export type Speller = {
  /**
   * The paragraph's misspelt words, in order. Hunspell's Korean suggestions take 10–800 ms a word,
   * so a caller that underlines first can ask for none (`suggestions: false`, then `suggest` on
   * demand); suggestions are remembered per word either way.
   */
  check(text: string, options?: { suggestions?: boolean }): SpellFinding[];
  /** Hunspell's suggestions for one word (at most five). */
  suggest(word: string): string[];
  /** Accepts these words from now on (the newsroom word list). */
  addWords(words: Iterable<string>): void;
  /** Frees the WebAssembly memory; the speller must not be used afterwards. */
  dispose(): void;
};

type HunspellModule = Awaited<ReturnType<typeof loadModule>>;

let modulePromise: Promise<HunspellModule> | null = null;
/** One WebAssembly module per process or worker; each speller is one instance on it. */
const hunspellModule = () =>
  (modulePromise ??= loadModule().catch((err: unknown) => {
    // A failed load is not remembered: the next speller tries again.
    modulePromise = null;
    throw err;
  }));

let mounted = 0;

/**
 * Korean words longer than this get no suggestions: Hunspell spends 2–3 s on each (measured on
 * 12–30 syllables) and finds nothing for them; they are compounds and names, not typos.
 */
const MAX_KO_SUGGEST = 8;
/** Words whose suggestions are remembered; past this the memory starts again. */
const SUGGESTION_CACHE = 2000;
/** How many parts a Korean compound may be split into (한국+출판+문화+산업+진흥원이). */
const MAX_PARTS = 5;
/** Longer Hangul runs are not split (a pasted run with no spaces is not a compound). */
const MAX_COMPOUND = 24;
/** One-syllable Sino-Korean prefixes that head compounds (폐배터리, 재보궐선거, 저출생, 총급여). */
const KO_PREFIXES = new Set([...'폐재저고총신구전현대소초반비무미불탈친준부주최극타원본각제첫맨헛']);
/** Bound nouns and suffixes glued to what they count or rate (곳당, 달째, 접종률, 쌀값, 점씩). */
const KO_SUFFIXES = ['가량', '당', '째', '별', '률', '율', '값', '씩', '꼴'];

/**
 * A language's spell checker. The dictionary's `language` picks how a paragraph is split into words
 * (spellWords.ts); `extraWords` (the newsroom word list) are accepted as they are written.
 */
export async function createSpeller(dictionary: DictionaryBytes, extraWords: Iterable<string> = []): Promise<Speller> {
  const { language } = dictionary;
  const mod = await hunspellModule();
  const id = ++mounted;
  const affPath = mod.mountBuffer(dictionary.aff, `speller-${id}.aff`);
  const dicPath = mod.mountBuffer(dictionary.dic, `speller-${id}.dic`);
  const hunspell = mod.create(affPath, dicPath);
  // The instance has read both files; the copies in the WebAssembly file system are not needed.
  mod.unmount(affPath);
  mod.unmount(dicPath);
  const added = new Set<string>();
  let disposed = false;

  // The word list is kept here, not in Hunspell: hunspell-asm's addWord does not take with the
  // Korean dictionary (its ICONV decomposes syllables on lookup, not on add); measured.
  const spell = (word: string) => added.has(word) || hunspell.spell(word);

  /** A known word, or a known word + a counting suffix + a known ending (곳당, 달째, 접종률은). */
  const knownOrCounted = (word: string): boolean => {
    if (spell(word)) return true;
    for (const suffix of KO_SUFFIXES) {
      const at = word.indexOf(suffix, 1);
      if (at < 0) continue;
      const tail = word.slice(at + suffix.length);
      if (spell(word.slice(0, at)) && (tail === '' || spell(tail))) return true;
    }
    return false;
  };

  /**
   * Korean writes compound nouns without spaces (공급망, 전세사기피해자를) and the dictionary lists
   * few of them. An eojeol the dictionary refuses is accepted when it splits into at most five known
   * parts: each part but the last a word of two syllables or more, or a one-syllable prefix (폐·재·저…);
   * the last any known word or ending (particles such as 는 and 에서 are words to Hunspell), or a
   * counted form. Misspellings such as 몇일, 설겆이 and 대퉁령 do not split that way, so they are
   * still flagged. Fewest parts from each position, so a long eojeol costs O(n²) lookups, not more.
   */
  const acceptedKorean = (word: string): boolean => {
    if (knownOrCounted(word)) return true;
    const n = word.length;
    if (n > MAX_COMPOUND) return false;
    const parts = new Array<number>(n + 1).fill(Infinity);
    for (let i = n - 1; i >= 0; i--) {
      if (i > 0 && knownOrCounted(word.slice(i))) {
        parts[i] = 1;
        continue;
      }
      for (let j = i + 1; j < n; j++) {
        if (parts[j] + 1 >= parts[i]) continue;
        const head = word.slice(i, j);
        if (j - i === 1 ? KO_PREFIXES.has(head) : spell(head)) parts[i] = parts[j] + 1;
      }
    }
    return parts[0] <= MAX_PARTS;
  };

  const correct = (word: string): boolean => {
    // Hunspell's English dictionary spells the apostrophe straight.
    const asWritten = word.replace(/’/g, "'");
    return language === 'ko' ? acceptedKorean(asWritten) : spell(asWritten);
  };

  /** Suggestions already computed, by word. */
  const suggested = new Map<string, string[]>();
  const suggest = (word: string): string[] => {
    if (disposed || (language === 'ko' && word.length > MAX_KO_SUGGEST)) return [];
    let found = suggested.get(word);
    if (!found) {
      found = hunspell.suggest(word.replace(/’/g, "'")).slice(0, 5);
      if (suggested.size >= SUGGESTION_CACHE) suggested.clear();
      suggested.set(word, found);
    }
    return [...found];
  };

  const addWords = (words: Iterable<string>) => {
    for (const raw of words) {
      const word = raw.trim();
      if (word === '' || added.has(word)) continue;
      added.add(word);
    }
  };
  addWords(dictionary.words ?? []);
  addWords(extraWords);

  return {
    check(text, { suggestions = true } = {}) {
      if (disposed) throw new Error('speller disposed');
      return spellWords(text, language)
        .filter((w) => !correct(w.text))
        .map((w) => ({ offset: w.offset, length: w.length, text: w.text, suggestions: suggestions ? suggest(w.text) : [] }));
    },
    suggest,
    addWords(words) {
      if (!disposed) addWords(words);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      hunspell.dispose();
    },
  };
}
