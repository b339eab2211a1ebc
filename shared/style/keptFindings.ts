// "Keep it here": a finding the writer has looked at and kept. It travels with the article (its
// `keptFindings`), so the desk, the approval checklist and every other machine see it kept. It is
// known by its rule, its text and a few characters either side, so it stays kept while the
// paragraph around it is edited, and comes back if the same slip is made elsewhere.
import { z } from 'zod';

const CONTEXT = 8;
/** The oldest go first past this: a kept finding is a judgement on copy, not a record. */
export const KEPT_FINDINGS_LIMIT = 500;

export const KeptFindingSchema = z.object({
  rule: z.string().min(1).max(100),
  before: z.string().max(CONTEXT),
  text: z.string().min(1).max(1000),
  after: z.string().max(CONTEXT),
});
export type KeptFinding = z.infer<typeof KeptFindingSchema>;

/** The finding of `rule` at `offset` (UTF-16 units) in a paragraph's checked text (checkedText.ts). */
export function keptAt(rule: string, paragraph: string, offset: number, length: number): KeptFinding {
  return {
    rule,
    before: paragraph.slice(Math.max(0, offset - CONTEXT), offset),
    text: paragraph.slice(offset, offset + length).slice(0, 1000),
    after: paragraph.slice(offset + length, offset + length + CONTEXT),
  };
}

export const keptKey = (k: KeptFinding): string => [k.rule, k.before, k.text, k.after].join('\u0001');

const sets = new WeakMap<readonly KeptFinding[], Set<string>>();

/** The keys of a list, worked out once per list (an article's list is replaced, never changed in place). */
export function keptKeys(list: readonly KeptFinding[]): Set<string> {
  let set = sets.get(list);
  if (!set) {
    set = new Set(list.map(keptKey));
    sets.set(list, set);
  }
  return set;
}

/** `list` with `kept` added (unchanged when it is there already). */
export function withKept(list: readonly KeptFinding[], kept: KeptFinding): KeptFinding[] {
  if (keptKeys(list).has(keptKey(kept))) return [...list];
  return [...list, kept].slice(-KEPT_FINDINGS_LIMIT);
}
