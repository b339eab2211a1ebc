// Where the copy still breaks house style: every finding of the rules in force that the writer has
// not kept, in the headline, the deck and each textblock of the body (captions too), read as the
// editor reads them (checkedText.ts), so the checklist's places are the editor's underlines and a
// finding kept in the editor is kept here. Spelling is not counted: it is a dictionary's opinion
// (names and new words it does not know), advice for the writer, not a rule the desk signs off.
import type { ArticleContent, Language } from '../model/article';
import { checkedTextOf } from '../style/checkedText';
import { keptAt, keptKey, keptKeys } from '../style/keptFindings';
import type { RuleSet } from '../style/ruleSchema';
import { runRulesOnParagraph, type Finding } from '../style/runRules';
import { walkBody, type FindingPlace } from './places';

export type StyleCheckedContent = Pick<ArticleContent, 'language' | 'headline' | 'deck' | 'body' | 'keptFindings'>;

// The checklist follows the editor every few hundred milliseconds: a paragraph's findings are
// worked out once per rule set and text.
const CACHE_LIMIT = 5000;
const cached = new WeakMap<RuleSet, Map<string, Finding[]>>();

function findingsIn(set: RuleSet, text: string): Finding[] {
  let cache = cached.get(set);
  if (!cache) cached.set(set, (cache = new Map()));
  let found = cache.get(text);
  if (!found) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    found = runRulesOnParagraph(set, text);
    cache.set(text, found);
  }
  return found;
}

export function houseStylePlaces(content: StyleCheckedContent, sets: Partial<Record<Language, RuleSet>>): FindingPlace[] {
  const set = sets[content.language];
  if (!set) return [];
  const kept = keptKeys(content.keptFindings);
  const open = (text: string) => findingsIn(set, text).filter((f) => !kept.has(keptKey(keptAt(f.ruleId, text, f.offset, f.length))));
  const place = (f: Finding, at: FindingPlace['at']): FindingPlace => ({ kind: 'finding', ruleId: f.ruleId, text: f.text, ...(f.fix !== undefined ? { fix: f.fix } : {}), message: f.message, at });
  const out: FindingPlace[] = [];
  for (const f of open(content.headline)) out.push(place(f, { kind: 'field', field: 'headline', line: 0, offset: f.offset }));
  content.deck.forEach((text, line) => {
    for (const f of open(text)) out.push(place(f, { kind: 'field', field: 'deck', line, offset: f.offset }));
  });
  walkBody(content.body, {
    onTextblock(node, start, block) {
      if (!block) return;
      const text = checkedTextOf(node);
      for (const f of open(text)) out.push(place(f, { kind: 'body', from: start + f.offset, to: start + f.offset + f.length, block }));
    },
  });
  return out;
}
