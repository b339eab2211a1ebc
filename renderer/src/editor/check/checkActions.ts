// What a person does with a finding: take its fix, take every fix of its kind, or keep the text.
// A fix is applied only where the text is still what was checked; anything else waits for the next check.
import type { EditorView } from '@tiptap/pm/view';
import { closeFinding, openFindings, type PlacedFinding } from './StyleCheck';
import { keptAt, type KeptFinding } from '../../../../shared/style/keptFindings';
import { textblockText } from './textblockText';

function stillThere(view: EditorView, f: PlacedFinding): boolean {
  return f.to <= view.state.doc.content.size && view.state.doc.textBetween(f.from, f.to, '\n', '\uFFFC') === f.text;
}

export function applyFix(view: EditorView, finding: PlacedFinding): boolean {
  if (finding.fix === undefined || !stillThere(view, finding)) return false;
  view.dispatch(view.state.tr.insertText(finding.fix, finding.from, finding.to));
  return true;
}

/** Findings of this rule that carry a fix, which "fix all" would change. */
export function fixableOfKind(view: EditorView, ruleId: string): PlacedFinding[] {
  return openFindings(view.state).filter((f) => f.ruleId === ruleId && f.fix !== undefined && stillThere(view, f));
}

/** Every fix of this rule in one step (one undo); overlapping findings after the first are left for the next check. */
export function applyFixAll(view: EditorView, ruleId: string): number {
  const found = fixableOfKind(view, ruleId);
  let tr = view.state.tr;
  let applied = 0;
  let lastFrom = Infinity;
  for (const f of [...found].sort((a, b) => b.from - a.from)) {
    if (f.to > lastFrom) continue;
    tr = tr.insertText(f.fix!, f.from, f.to);
    lastFrom = f.from;
    applied++;
  }
  if (applied > 0) view.dispatch(tr);
  return applied;
}

/**
 * Keeps the text as it is: the article records it (`keep`), and the underline goes once the editor
 * has the new list. Recorded with the words around it as they are now: an underline only moved by
 * typing nearby (its paragraph not checked again yet) still carries the words it was found among.
 * Nothing is kept where the text itself has changed since.
 */
export function keepHere(view: EditorView, finding: PlacedFinding, keep: (kept: KeptFinding) => void): void {
  if (stillThere(view, finding)) {
    // A finding lies inside one textblock: the one its start resolves into.
    const $from = view.state.doc.resolve(finding.from);
    keep(keptAt(finding.ruleId, textblockText($from.parent), finding.from - $from.start(), finding.to - finding.from));
  }
  closeFinding(view);
}
