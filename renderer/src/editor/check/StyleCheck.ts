// House style (and, through the same worker, spelling) as underlines in the body. Typing never
// waits for a check: a change only maps the underlines it already has; a while after typing stops,
// the paragraphs whose text has no findings yet go to the worker, and its answer redraws them.
// Nothing is sent or redrawn while an IME is composing — a Hangul syllable half typed is not a
// word to check, and redrawing the paragraph under a composition can break it.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping } from '@tiptap/pm/transform';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { Language } from '../../../../shared/model/article';
import type { CheckClient } from './checkClient';
import type { TextFinding } from './checkProtocol';
import { textblockText, textblocks } from './textblockText';
import { keptAt, keptKey, keptKeys, type KeptFinding } from '../../../../shared/style/keptFindings';

/** How long typing must pause before the changed paragraphs are checked. */
export const CHECK_IDLE_MS = 300;
/** Paragraphs per request, so one answer never holds a long story's redraw for long. */
const TEXTS_PER_REQUEST = 200;
/** Results kept by text; a long story has a few hundred paragraphs, so this never drops a live one. */
const CACHE_LIMIT = 5000;

/** `kept`: what "keep it here" records for this finding. */
export type PlacedFinding = TextFinding & { from: number; to: number; kept: KeptFinding };

export type CheckState = {
  decorations: DecorationSet;
  /** The finding whose card is open (clicked), or null. */
  active: PlacedFinding | null;
  /** Why spelling is not checked in the article's language (its dictionary failed to load), or null. */
  spellingOff: string | null;
};

export type StyleCheckOptions = {
  client: () => CheckClient | null;
  language: () => Language;
  /** The findings the writer kept, as the article has them now (they travel with it). */
  kept: () => readonly KeptFinding[];
};

export const styleCheckKey = new PluginKey<CheckState>('styleCheck');
const checkers = new WeakMap<EditorView, ReturnType<typeof checkingView>>();

type Meta = { kind: 'redraw' } | { kind: 'open'; finding: PlacedFinding | null };

function findingsOf(state: EditorState): PlacedFinding[] {
  return (styleCheckKey.getState(state)?.decorations.find() ?? []).map((d) => (d.spec as { finding: PlacedFinding }).finding);
}

/** Every underlined finding, in document order. */
export function openFindings(state: EditorState): PlacedFinding[] {
  return findingsOf(state).sort((a, b) => a.from - b.from);
}

function decorationFor(finding: PlacedFinding): Decoration {
  return Decoration.inline(finding.from, finding.to, { class: `check-finding check-finding--${finding.checker}`, 'data-rule': finding.ruleId, 'data-testid': 'check-finding' }, { finding });
}

type Shared = { options: StyleCheckOptions; cache: Map<string, TextFinding[]>; spellingOff: Map<Language, string> };

function cacheKey(language: Language, text: string): string {
  return `${language}\u0000${text}`;
}

/**
 * The underlines for the whole document: from the cache where a paragraph's text has been checked,
 * the old (mapped) ones where it has not been yet, so a paragraph being typed keeps its marks
 * until its new text is checked.
 */
function redraw(doc: PmNode, old: DecorationSet, shared: Shared): DecorationSet {
  const language = shared.options.language();
  const decorations: Decoration[] = [];
  const kept = keptKeys(shared.options.kept());
  for (const { start, node } of textblocks(doc)) {
    const text = textblockText(node);
    const found = shared.cache.get(cacheKey(language, text));
    if (!found) {
      decorations.push(...old.find(start, start + node.content.size));
      continue;
    }
    for (const f of found) {
      const here = keptAt(f.ruleId, text, f.offset, f.length);
      if (kept.has(keptKey(here))) continue;
      decorations.push(decorationFor({ ...f, from: start + f.offset, to: start + f.offset + f.length, kept: here }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * The underlines moved with a change, less those whose text it changed: a word fixed by typing
 * over part of it ("컨" → "콘") no longer looks wrong until its paragraph is checked again. One the
 * change only touches (typing right after a word) stays. Step by step, so that each step's range
 * and the underlines are read in the same positions. Not while an IME composes (ProseMirror marks
 * its transactions): the span around the syllable being composed must not change under it.
 */
function untouched(old: DecorationSet, tr: Transaction): DecorationSet {
  if (tr.getMeta('composition') !== undefined) return old.map(tr.mapping, tr.doc);
  let set = old;
  tr.mapping.maps.forEach((map, i) => {
    const changed: Decoration[] = [];
    map.forEach((from, to) => {
      const overlaps = (d: Decoration) => (from === to ? d.from < from && from < d.to : d.from < to && d.to > from);
      changed.push(...set.find(from, to).filter(overlaps));
    });
    set = (changed.length > 0 ? set.remove(changed) : set).map(new Mapping([map]), tr.docs[i + 1] ?? tr.doc);
  });
  return set;
}

function uncheckedTexts(doc: PmNode, shared: Shared): string[] {
  const language = shared.options.language();
  const texts = new Set<string>();
  for (const { node } of textblocks(doc)) {
    const text = textblockText(node);
    if (text.trim() !== '' && !shared.cache.has(cacheKey(language, text))) texts.add(text);
    if (texts.size >= TEXTS_PER_REQUEST) break;
  }
  return [...texts];
}

function checkingView(view: EditorView, shared: Shared) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let destroyed = false;
  let redrawWaiting = false;

  const redrawNow = () => {
    if (destroyed) return;
    // Never under a composition: the answer waits for compositionend.
    if (view.composing) {
      redrawWaiting = true;
      return;
    }
    redrawWaiting = false;
    view.dispatch(view.state.tr.setMeta(styleCheckKey, { kind: 'redraw' } satisfies Meta).setMeta('addToHistory', false));
  };

  const run = async () => {
    timer = null;
    const client = shared.options.client();
    if (destroyed || inFlight || !client) return;
    if (view.composing) return; // compositionend schedules again
    const language = shared.options.language();
    const texts = uncheckedTexts(view.state.doc, shared);
    if (texts.length === 0) return;
    inFlight = true;
    try {
      const { results, spellingOff } = await client.check(language, texts);
      if (spellingOff === undefined) shared.spellingOff.delete(language);
      else shared.spellingOff.set(language, spellingOff);
      if (shared.cache.size + results.length > CACHE_LIMIT) shared.cache.clear();
      for (const r of results) shared.cache.set(cacheKey(language, r.text), r.findings);
    } finally {
      inFlight = false;
    }
    redrawNow();
    // What changed while the worker was busy, or did not fit in one request.
    schedule(0);
  };

  const schedule = (delay = CHECK_IDLE_MS) => {
    if (destroyed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };

  schedule(0);
  return {
    schedule,
    compositionEnded() {
      if (redrawWaiting) redrawNow();
      schedule();
    },
    recheck() {
      redrawNow();
      schedule(0);
    },
    forget() {
      shared.cache.clear();
      schedule(0);
    },
    update(v: EditorView, prev: EditorState) {
      if (!v.state.doc.eq(prev.doc)) schedule();
    },
    destroy() {
      destroyed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export const StyleCheck = Extension.create<StyleCheckOptions>({
  name: 'styleCheck',
  addOptions() {
    return { client: () => null, language: () => 'ko', kept: () => [] };
  },
  addProseMirrorPlugins() {
    const shared: Shared = { options: this.options, cache: new Map(), spellingOff: new Map() };
    let checker: ReturnType<typeof checkingView> | null = null;
    return [
      new Plugin<CheckState>({
        key: styleCheckKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, active: null, spellingOff: null }),
          apply(tr: Transaction, old: CheckState, _before, after): CheckState {
            const meta = tr.getMeta(styleCheckKey) as Meta | undefined;
            // Typing only moves the underlines; what they say is redrawn after the check.
            let decorations = tr.docChanged ? untouched(old.decorations, tr) : old.decorations;
            let active = tr.docChanged ? null : old.active;
            let spellingOff = old.spellingOff;
            if (meta?.kind === 'redraw') {
              decorations = redraw(after.doc, decorations, shared);
              // Read with the underlines, so a change of language shows that language's state.
              spellingOff = shared.spellingOff.get(shared.options.language()) ?? null;
            }
            if (meta?.kind === 'open') active = meta.finding;
            return { decorations, active, spellingOff };
          },
        },
        view: (view) => {
          checker = checkingView(view, shared);
          checkers.set(view, checker);
          return checker;
        },
        props: {
          decorations: (state) => styleCheckKey.getState(state)?.decorations,
          handleDOMEvents: {
            compositionend: () => {
              checker?.compositionEnded();
              return false;
            },
          },
          handleClick: (view, pos) => {
            const here = findingsOf(view.state).find((f) => f.from <= pos && pos <= f.to) ?? null;
            const current = styleCheckKey.getState(view.state)?.active ?? null;
            if (here?.ruleId !== current?.ruleId || here?.from !== current?.from || here?.to !== current?.to) view.dispatch(view.state.tr.setMeta(styleCheckKey, { kind: 'open', finding: here } satisfies Meta).setMeta('addToHistory', false));
            return false;
          },
          handleKeyDown: (view, event) => {
            if (event.key !== 'Escape' || !styleCheckKey.getState(view.state)?.active) return false;
            view.dispatch(view.state.tr.setMeta(styleCheckKey, { kind: 'open', finding: null } satisfies Meta).setMeta('addToHistory', false));
            return true;
          },
        },
      }),
    ];
  },
});

/** Closes the open card without changing anything. */
export function closeFinding(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(styleCheckKey, { kind: 'open', finding: null } satisfies Meta).setMeta('addToHistory', false));
}

/** Checks everything again: the rules or the word list changed, so nothing found before still holds. */
export function checkAgain(view: EditorView): void {
  checkers.get(view)?.forget();
}

/** Redraws from what is known (after an ignore, or a change of language) and checks what is not. */
export function recheck(view: EditorView): void {
  checkers.get(view)?.recheck();
}
