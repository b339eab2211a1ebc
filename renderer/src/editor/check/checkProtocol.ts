// What the editor and its checking worker say to each other. Paragraphs go by their text: the same
// text always gives the same findings, so results are kept by text and survive paragraphs moving.
import type { Language } from '../../../../shared/model/article';
import type { Finding } from '../../../../shared/style/runRules';
import type { RuleSet } from '../../../../shared/style/ruleSchema';

/** A finding within one paragraph's text, from one checker. */
export type TextFinding = Omit<Finding, 'paragraph'> & { checker: 'style' | 'spelling' };

export type CheckRequest =
  | { type: 'check'; id: number; language: Language; texts: string[] }
  /** Hunspell's suggestions for one word, asked when its card opens (they cost up to a second in Korean). */
  | { type: 'suggest'; id: number; language: Language; word: string }
  /** Replaces the default rule sets (the outlet's own, from settings). */
  | { type: 'rules'; sets: Partial<Record<Language, RuleSet>> }
  /** The newsroom word list: words the dictionary accepts from now on. */
  | { type: 'words'; words: string[] };

export type CheckResponse =
  | {
      type: 'checked';
      id: number;
      language: Language;
      results: Array<{ text: string; findings: TextFinding[] }>;
      /**
       * Present when the language's dictionary could not be loaded: why (file and status), and that
       * these results are house style only. Sent with every check of that language, so an editor
       * opened later learns it too; absent when spelling ran or was never asked for.
       */
      spellingOff?: string;
    }
  | { type: 'suggested'; id: number; suggestions: string[] };
