// The rule sets the checker runs, from the settings: per language the set in force (the default or
// the imported one, proven when it was imported: never proven again here) without the rules an
// admin turned off. Cheap: a filter per language, and the same settings object gives the same sets
// (the runner keeps compiled patterns per rule object).
import type { Language } from '../model/article';
import type { HouseStyleLanguage, HouseStyleSettings } from '../model/houseStyle';
import { defaultRuleSets } from './checkArticle';
import type { RuleSet } from './ruleSchema';

const LANGUAGES: readonly Language[] = ['ko', 'en'];

/** The set in force for one language, every rule in it (on or off). */
export function ruleSetInForce(houseStyle: Pick<HouseStyleSettings, Language>, language: Language): RuleSet {
  return houseStyle[language].custom?.set ?? defaultRuleSets()[language];
}

const remembered = new WeakMap<HouseStyleLanguage, RuleSet>();

function active(style: HouseStyleLanguage, language: Language): RuleSet {
  let set = remembered.get(style);
  if (!set) {
    const whole = style.custom?.set ?? defaultRuleSets()[language];
    const off = new Set(style.disabled);
    set = off.size === 0 ? whole : { ...whole, rules: whole.rules.filter((rule) => !off.has(rule.id)) };
    remembered.set(style, set);
  }
  return set;
}

/** Per language, the set the checker runs: the set in force less the rules turned off. */
export function activeRuleSets(settings: { houseStyle: Pick<HouseStyleSettings, Language> }): Record<Language, RuleSet> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, active(settings.houseStyle[language], language)])) as Record<Language, RuleSet>;
}
