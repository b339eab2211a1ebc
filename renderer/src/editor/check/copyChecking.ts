// What the checking worker does, apart from being a worker: house style from the rule sets, and
// spelling once the language's dictionary is loaded (the first check of a language waits for it,
// about two seconds for Korean, so underlines never arrive in two waves). A dictionary that cannot
// be loaded leaves house style working; each answer for that language then says spelling is off, and why.
import { defaultRuleSets } from '../../../../shared/style/checkArticle';
import { runRulesOnParagraph } from '../../../../shared/style/runRules';
import { createSpeller, type DictionaryBytes, type Speller } from '../../../../shared/spelling/hunspellChecker';
import { SPELLING_RULE_ID } from '../../../../shared/spelling/spellingChecker';
import { spellingMessage } from '../../../../shared/spelling/spellingText';
import type { Language } from '../../../../shared/model/article';
import type { RuleSet } from '../../../../shared/style/ruleSchema';
import type { CheckRequest, CheckResponse, TextFinding } from './checkProtocol';

type Checked = Extract<CheckResponse, { type: 'checked' }>;

export type DictionarySource = (language: Language) => Promise<DictionaryBytes>;

/** Where an earlier finding stands, a later one overlapping it is dropped: one place, one finding (house style first). */
function withoutOverlaps(findings: TextFinding[]): TextFinding[] {
  const kept: TextFinding[] = [];
  for (const f of findings) if (!kept.some((k) => f.offset < k.offset + k.length && k.offset < f.offset + f.length)) kept.push(f);
  return kept.sort((a, b) => a.offset - b.offset);
}

export function copyChecking(dictionaries: DictionarySource | null, log: (message: string) => void = () => undefined) {
  let sets: Partial<Record<Language, RuleSet>> = defaultRuleSets();
  let words: string[] = [];
  // `off` is why a language has no speller (its dictionary failed); null without a dictionary source.
  const spellers = new Map<Language, Promise<{ speller: Speller | null; off: string | null }>>();
  const loadSpelling = (language: Language) => {
    let loaded = spellers.get(language);
    if (!loaded) {
      loaded = dictionaries
        ? dictionaries(language)
            .then((bytes) => createSpeller(bytes, words))
            .then((speller) => ({ speller, off: null }))
            .catch((err: unknown) => {
              const off = err instanceof Error ? err.message : String(err);
              log(`spelling is off for ${language}: ${off}`);
              return { speller: null, off };
            })
        : Promise.resolve({ speller: null, off: null });
      spellers.set(language, loaded);
    }
    return loaded;
  };
  const spellerFor = async (language: Language): Promise<Speller | null> => (await loadSpelling(language)).speller;

  const check = async (language: Language, texts: readonly string[]): Promise<Omit<Checked, 'type' | 'id' | 'language'>> => {
    const set = sets[language];
    const { speller, off } = await loadSpelling(language);
    const results = texts.map((text) => {
      const style = set ? runRulesOnParagraph(set, text).map(({ paragraph: _p, ...f }): TextFinding => ({ ...f, checker: 'style' })) : [];
      // Underlined without suggestions: those are asked for when a card opens.
      const spelling = (speller?.check(text, { suggestions: false }) ?? []).map(
        (f): TextFinding => ({ checker: 'spelling', ruleId: SPELLING_RULE_ID, offset: f.offset, length: f.length, text: f.text, message: spellingMessage(f.text, undefined) }),
      );
      return { text, findings: withoutOverlaps([...style, ...spelling]) };
    });
    return off === null ? { results } : { results, spellingOff: off };
  };

  return {
    async handle(request: CheckRequest): Promise<CheckResponse | null> {
      switch (request.type) {
        case 'rules':
          sets = request.sets;
          return null;
        case 'words':
          words = request.words;
          for (const loaded of spellers.values()) void loaded.then(({ speller }) => speller?.addWords(words));
          return null;
        case 'suggest': {
          const speller = await spellerFor(request.language);
          return { type: 'suggested', id: request.id, suggestions: speller?.suggest(request.word) ?? [] };
        }
        case 'check':
          return { type: 'checked', id: request.id, language: request.language, ...(await check(request.language, request.texts)) };
      }
    },
  };
}
