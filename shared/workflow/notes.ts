// Editor's notes and TK markers in the body. A note is text carrying the `editorNote` mark; a TK
// ("to come") is the token TK standing for a fact still to be filled in. Both are for the desk
// only: they are counted while the copy is worked on, highlighted and stepped through in the
// editor, and stripped from every export — all through `openMarksIn`, the one rule for what is open.
import type { Body, DocNode } from '../model/article';

export const NOTE_MARK = 'editorNote';
/** TK as a token of its own, in Latin or Korean text (배터리TK 는 잡히지만 TKO는 아니다). */
const TK = /(?<![A-Za-z])TK(?![A-Za-z])/g;

export interface OpenNotes {
  notes: number;
  tks: number;
}

/** One piece of a textblock's inline content: text (note text or not), or a leaf such as a hard break (`text: null`). */
export interface InlineRun {
  text: string | null;
  note: boolean;
}

/** An open note or TK, as offsets into its textblock's content counted as ProseMirror does (a leaf is 1). */
export interface OpenMark {
  kind: 'note' | 'tk';
  from: number;
  to: number;
}

/**
 * The notes and TKs in one textblock, in order. Adjacent note runs are one note; a TK is looked for
 * in the text around notes (never inside one), across text runs, so "A" in bold before "TK" still
 * makes it part of a word. Both the editor (ProseMirror nodes) and the core (JSON) call this.
 */
export function openMarksIn(runs: readonly InlineRun[]): OpenMark[] {
  const marks: OpenMark[] = [];
  // The block's text with note text and leaves blanked out (same length), so offsets stay aligned.
  let plain = '';
  let note: OpenMark | null = null;
  for (const run of runs) {
    const size = run.text === null ? 1 : run.text.length;
    if (run.note && run.text !== null) {
      if (note && note.to === plain.length) note.to += size;
      else marks.push((note = { kind: 'note', from: plain.length, to: plain.length + size }));
      plain += '\u0000'.repeat(size);
      continue;
    }
    note = null;
    plain += run.text ?? '\u0000';
  }
  for (const m of plain.matchAll(TK)) marks.push({ kind: 'tk', from: m.index, to: m.index + m[0].length });
  return marks.sort((a, b) => a.from - b.from);
}

const INLINE = new Set(['text', 'hardBreak']);
const isNote = (n: DocNode) => n.type === 'text' && (n.marks ?? []).some((m) => m.type === NOTE_MARK);
/** A textblock's inline children (JSON) as runs for `openMarksIn`. */
export const inlineRuns = (children: readonly DocNode[]): InlineRun[] => children.map((n) => (n.type === 'text' ? { text: n.text ?? '', note: isNote(n) } : { text: null, note: false }));

/** Each stretch of inline children of `node` (in a valid body, a textblock's whole content) with its open marks. */
function inlineStretches(node: DocNode): { start: number; end: number; marks: OpenMark[] }[] {
  const children = node.content ?? [];
  const out: { start: number; end: number; marks: OpenMark[] }[] = [];
  for (let i = 0; i < children.length; ) {
    if (!INLINE.has(children[i].type)) {
      i++;
      continue;
    }
    let end = i;
    while (end < children.length && INLINE.has(children[end].type)) end++;
    out.push({ start: i, end, marks: openMarksIn(inlineRuns(children.slice(i, end))) });
    i = end;
  }
  return out;
}

/** Counts notes (a run of adjacent note-marked text is one note) and TKs outside notes, in `body` or any node of it. */
export function countOpenNotes(body: DocNode): OpenNotes {
  const out: OpenNotes = { notes: 0, tks: 0 };
  const walk = (node: DocNode) => {
    for (const stretch of inlineStretches(node)) for (const m of stretch.marks) out[m.kind === 'note' ? 'notes' : 'tks']++;
    for (const child of node.content ?? []) if (!INLINE.has(child.type)) walk(child);
  };
  walk(body);
  return out;
}

/** The body as it may be published: note text removed, TK tokens removed, spaces left tidy. */
export function stripNotes(body: Body): Body {
  const strip = (node: DocNode): DocNode => {
    if (!node.content) return node;
    const children = node.content;
    const keep = children.map((child) => (INLINE.has(child.type) ? child : strip(child)));
    for (const { start, end, marks } of inlineStretches(node)) {
      let offset = 0;
      for (let i = start; i < end; i++) {
        const child = children[i];
        const from = offset;
        offset += child.type === 'text' ? (child.text ?? '').length : 1;
        if (child.type !== 'text') continue;
        // Cut every open mark's part out of this text run.
        let text = '';
        let at = from;
        for (const m of marks) {
          if (m.to <= at || m.from >= offset) continue;
          text += (child.text ?? '').slice(at - from, Math.max(m.from, at) - from);
          at = Math.min(m.to, offset);
        }
        text += (child.text ?? '').slice(at - from);
        keep[i] = { ...child, text };
      }
    }
    const content = keep.filter((n) => n.type !== 'text' || n.text);
    tidySpaces(content);
    return { ...node, content };
  };
  return strip(body) as Body;
}

/** Removing a note or TK can leave two spaces, or a space before punctuation or at a block's edge. */
function tidySpaces(content: DocNode[]): void {
  const texts = content.filter((n) => n.type === 'text');
  for (let i = 0; i < texts.length; i++) {
    const prevEndsInSpace = i > 0 && /\s$/.test(texts[i - 1].text ?? '');
    let t = (texts[i].text ?? '').replace(/ {2,}/g, ' ').replace(/ +([.,!?;:。、])/g, '$1');
    if (prevEndsInSpace) t = t.replace(/^ +/, '');
    // "이며 " + (note removed) + ", 고용은": the space before the comma goes.
    if (prevEndsInSpace && /^[.,!?;:。、]/.test(t)) texts[i - 1].text = (texts[i - 1].text ?? '').replace(/ +$/, '');
    texts[i].text = t;
  }
  if (texts.length > 0) {
    texts[0].text = (texts[0].text ?? '').replace(/^ +/, '');
    const last = texts[texts.length - 1];
    last.text = (last.text ?? '').replace(/ +$/, '');
  }
  for (let i = content.length - 1; i >= 0; i--) if (content[i].type === 'text' && !content[i].text) content.splice(i, 1);
}
