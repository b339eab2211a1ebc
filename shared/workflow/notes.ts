// Editor's notes and TK markers in the body. A note is text carrying the `editorNote` mark; a TK
// ("to come") is the token TK standing for a fact still to be filled in. Both are for the desk
// only: they are counted while the copy is worked on and stripped from every export.
import type { Body, DocNode } from '../model/article';

export const NOTE_MARK = 'editorNote';
/** TK as a token of its own, in Latin or Korean text (배터리TK 는 잡히지만 TKO는 아니다). */
const TK = /(?<![A-Za-z])TK(?![A-Za-z])/g;

export interface OpenNotes {
  notes: number;
  tks: number;
}

const isNote = (n: DocNode) => n.type === 'text' && (n.marks ?? []).some((m) => m.type === NOTE_MARK);

/** Counts notes (a run of adjacent note-marked text is one note) and TKs outside notes. */
export function countOpenNotes(body: DocNode): OpenNotes {
  const out: OpenNotes = { notes: 0, tks: 0 };
  const walk = (node: DocNode) => {
    let inNote = false;
    for (const child of node.content ?? []) {
      if (isNote(child)) {
        if (!inNote) out.notes++;
        inNote = true;
        continue;
      }
      inNote = false;
      if (child.type === 'text') out.tks += (child.text?.match(TK) ?? []).length;
      else walk(child);
    }
  };
  walk(body);
  return out;
}

/** The body as it may be published: note text removed, TK tokens removed, spaces left tidy. */
export function stripNotes(body: Body): Body {
  const strip = (node: DocNode): DocNode => {
    if (!node.content) return node;
    const content: DocNode[] = [];
    for (const child of node.content) {
      if (isNote(child)) continue;
      if (child.type !== 'text') {
        content.push(strip(child));
        continue;
      }
      const text = (child.text ?? '').replace(TK, '');
      if (text) content.push({ ...child, text });
    }
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
