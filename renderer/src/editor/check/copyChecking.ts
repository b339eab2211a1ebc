// What the checking worker does, apart from being a worker: house style from the rule sets, and
// spelling once the language's dictionary is loaded (the first check of a language waits for it,
// about two seconds for Korean, so underlines never arrive in two waves). A dictionary that cannot
// be loaded leaves house style working; spelling is then simply not checked.
import { defaultRuleSets } from '../../../../shared/style/checkArticle';
import { runRulesOnParagraph } from '../../../../shared/style/runRules';
import { createSpeller, type DictionaryBytes, type Speller } from '../../../../shared/spelling/hunspellChecker';
import { SPELLING_RULE_ID } from '../../../../shared/spelling/spellingChecker';
import { spellingMessage } from '../../../../shared/spelling/spellingText';
import type { Language } from '../../../../shared/model/article';
import type { RuleSet } from '../../../../shared/style/ruleSchema';
import type { CheckRequest, CheckResponse, TextFinding } from './checkProtocol';

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
  const spellers = new Map<Language, Promise<Speller | null>>();
  const spellerFor = (language: Language): Promise<Speller | null> => {
    let speller = spellers.get(language);
    if (!speller) {
      speller = dictionaries
        ? dictionaries(language)
            .then((bytes) => createSpeller(bytes, words))
            .catch((err: unknown) => {
              log(`spelling is off for ${language}: ${err instanceof Error ? err.message : String(err)}`);
              return null;
            })
        : Promise.resolve(null);
      spellers.set(language, speller);
    }
    return speller;
  };

  const check = async (language: Language, texts: readonly string[]): Promise<Extract<CheckResponse, { type: 'checked' }>['results']> => {
    const set = sets[language];
    const speller = await spellerFor(language);
    return texts.map((text) => {
      const style = set ? runRulesOnParagraph(set, text).map(({ paragraph: _p, ...f }): TextFinding => ({ ...f, checker: 'style' })) : [];
      // Underlined without suggestions: those are asked for when a card opens.
      const spelling = (speller?.check(text, { suggestions: false }) ?? []).map(
        (f): TextFinding => ({ checker: 'spelling', ruleId: SPELLING_RULE_ID, offset: f.offset, length: f.length, text: f.text, message: spellingMessage(f.text, undefined) }),
      );
      return { text, findings: withoutOverlaps([...style, ...spelling]) };
    });
  };

  return {
    async handle(request: CheckRequest): Promise<CheckResponse | null> {
      switch (request.type) {
        case 'rules':
          sets = request.sets;
          return null;
        case 'words':
          words = request.words;
          for (const speller of spellers.values()) void speller.then((s) => s?.addWords(words));
          return null;
        case 'suggest': {
          const speller = await spellerFor(request.language);
          return { type: 'suggested', id: request.id, suggestions: speller?.suggest(request.word) ?? [] };
        }
        case 'check':
          return { type: 'checked', id: request.id, language: request.language, results: await check(request.language, request.texts) };
      }
    },
  };
}
