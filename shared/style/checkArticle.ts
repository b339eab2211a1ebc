// Checks an article's copy the way the desk reads it: the headline, each deck line, each body
// paragraph and each photo caption is its own "paragraph", located by part and number, so a
// finding can be named (`본문 3`, `caption 1`) without the editor. Pure: the CLI and, later, the
// app call the same function. Findings come from a list of checkers (house style, spelling in
// shared/spelling/), merged so that one place gets one finding.
import { blockTexts } from '../counting/countBody';
import type { ArticleContent, Language } from '../model/article';
import { RuleSetSchema, type RuleSet } from './ruleSchema';
import { runRulesOnParagraph, type Finding } from './runRules';
import { defaultEnRuleSet } from './rules/defaultEn';
import { defaultKoRuleSet } from './rules/defaultKo';

export type ArticlePartKind = 'headline' | 'deck' | 'body' | 'caption';

/**
 * One piece of checkable text. `paragraph` counts from 1 within its kind: the headline is 1, deck
 * lines 1…, body textblocks (paragraphs, subheads, list lines, quotes) 1… in document order as the
 * editor has them, captions 1… in the order the photos stand. The kicker and byline are names and
 * labels, not copy, and are not checked. Editor's notes are left out (they are never published),
 * so offsets count the text as published.
 */
export type ArticlePart = { part: ArticlePartKind; paragraph: number; text: string };

/** A rule's finding (runRules.ts), located by part: `paragraph` counts within the part's kind. */
export type ArticleFinding = Finding & {
  /** The checker that found it ('style'). */
  checker: string;
  part: ArticlePartKind;
};

/** A source of findings. `check` returns null when it has nothing for this language (no rule set). */
export type Checker = {
  name: string;
  check(parts: readonly ArticlePart[], language: Language): Omit<ArticleFinding, 'checker'>[] | null;
};

export type ArticleCheck = {
  findings: ArticleFinding[];
  /** Checkers that did not run on this article because they have nothing for its language. */
  notChecked: string[];
};

/** The article's checkable text, in reading order: headline, deck, body, captions. */
export function articleParts(content: ArticleContent): ArticlePart[] {
  const { body, captions } = blockTexts(content.body);
  return [
    { part: 'headline', paragraph: 1, text: content.headline },
    ...content.deck.map((text, i): ArticlePart => ({ part: 'deck', paragraph: i + 1, text })),
    ...body.map((text, i): ArticlePart => ({ part: 'body', paragraph: i + 1, text })),
    ...captions.map((text, i): ArticlePart => ({ part: 'caption', paragraph: i + 1, text })),
  ];
}

/** House style: the rule set for the article's language, or null when there is none. */
export function styleChecker(sets: Partial<Record<Language, RuleSet>>): Checker {
  return {
    name: 'style',
    check(parts, language) {
      const set = sets[language];
      if (!set) return null;
      return parts.flatMap(({ part, paragraph, text }) =>
        runRulesOnParagraph(set, text).map((f) => ({ ruleId: f.ruleId, part, paragraph, offset: f.offset, length: f.length, text: f.text, ...(f.fix !== undefined ? { fix: f.fix } : {}), message: f.message })),
      );
    },
  };
}

let defaults: Record<Language, RuleSet> | null = null;

/** The default Korean and English sets, validated once (their examples are proven by their own tests). */
export function defaultRuleSets(): Record<Language, RuleSet> {
  defaults ??= { ko: RuleSetSchema.parse(defaultKoRuleSet), en: RuleSetSchema.parse(defaultEnRuleSet) };
  return defaults;
}

const PART_ORDER: Record<ArticlePartKind, number> = { headline: 0, deck: 1, body: 2, caption: 3 };

const overlaps = (a: Omit<ArticleFinding, 'checker'>, b: ArticleFinding) =>
  a.part === b.part && a.paragraph === b.paragraph && a.offset < b.offset + b.length && b.offset < a.offset + a.length;

/**
 * Every checker over the article; findings in reading order (part, paragraph, offset). One place
 * gets one finding: where a checker's finding overlaps one an earlier checker in the list made, the
 * earlier stands (house style before spelling, so 몇일 gets the rule's own message, not "not in the
 * dictionary" as well).
 */
export function checkArticle(content: ArticleContent, checkers: readonly Checker[]): ArticleCheck {
  const parts = articleParts(content);
  const findings: ArticleFinding[] = [];
  const notChecked: string[] = [];
  for (const checker of checkers) {
    const found = checker.check(parts, content.language);
    if (found === null) {
      notChecked.push(checker.name);
      continue;
    }
    const earlier = findings.slice();
    for (const f of found) if (!earlier.some((e) => overlaps(f, e))) findings.push({ checker: checker.name, ...f });
  }
  findings.sort(
    (a, b) => PART_ORDER[a.part] - PART_ORDER[b.part] || a.paragraph - b.paragraph || a.offset - b.offset || a.length - b.length || a.ruleId.localeCompare(b.ruleId),
  );
  return { findings, notChecked };
}
