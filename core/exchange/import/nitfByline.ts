// Who wrote an NITF story. Structured bylines (`person` + `byttl`, as Copydesk and careful
// agencies write them) are read as data, a `byttl` giving its role to the persons before it;
// plain-text bylines are parsed in the common shapes: `By X and Y`, `By X, Associated Press`,
// `X / Outlet`, `[한빛경제=산업부 김하늘ㆍ박도윤 기자]`, `(서울=연합뉴스) 홍길동 기자 =` — names split,
// placeholders and organisations left out, sentences kept aside, by the shared rule
// (shared/byline/bylinePeople.ts). A normalised byline (`Smith, John`, NYT's `normalized_byline`)
// beside the print one (`By JOHN SMITH`, `Compiled by …`) adds no one already named.
import { KO_ROLE, bylinePeople, fromLastFirst, isOrganisation, isPlaceholderAuthor, isSentence, mergePeople, personKey } from '../../../shared/byline/bylinePeople';
import type { Reporter } from '../../../shared/model/article';
import { attrOf, childElements, collapse, isElement, nameOf, textOf, TEXT_NODE } from '../xml/xmlDom';

export interface NitfByline {
  outlet: string;
  desk: string;
  reporters: Reporter[];
  /** Byline elements that held a sentence, not names: kept for the deck so nothing is lost. */
  sentences: string[];
}

const reporter = (name: string, role = ''): Reporter => ({ name: name.trim().slice(0, 200), role: role.trim().slice(0, 50), email: '' });

function structured(byline: Element): Reporter[] {
  const out: Reporter[] = [];
  let pending: Reporter[] = [];
  for (const child of childElements(byline)) {
    const name = nameOf(child);
    if (name === 'person') {
      const r = reporter(textOf(child));
      if (r.name) {
        out.push(r);
        pending.push(r);
      }
    } else if (name === 'byttl') {
      for (const r of pending) r.role = textOf(child).slice(0, 50);
      pending = [];
    }
  }
  return out;
}

/** `김하늘ㆍ박도윤 기자` → both 기자; `홍길동 기자ㆍ김철수 특파원` → each their own; `A 및 B 기자` → two. */
function koreanReporters(text: string): Reporter[] {
  const out: Reporter[] = [];
  let pending: Reporter[] = [];
  for (const piece of text.split(/\s*[ㆍ·,]\s*|\s+및\s+/)) {
    const m = KO_ROLE.exec(piece);
    const r = reporter(m ? piece.slice(0, m.index) : piece);
    if (r.name && !isPlaceholderAuthor(r.name)) {
      out.push(r);
      pending.push(r);
    }
    if (m) {
      for (const p of pending) p.role = m[1];
      pending = [];
    }
  }
  return out;
}

/** Text of a byline without its byttl (which is the role, not a name). */
function bylineText(byline: Element): { text: string; byttl: string } {
  let text = '';
  for (let node = byline.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) text += node.nodeValue ?? '';
    else if (isElement(node) && nameOf(node) !== 'byttl') text += ` ${textOf(node)} `;
  }
  return { text: collapse(text), byttl: childElements(byline, 'byttl').map(textOf).join(', ') };
}

/** `Smith, John; Doe, Jane` (or joined by "and") → John Smith, Jane Doe. */
const normalisedNames = (text: string): Reporter[] =>
  text
    .split(/\s*;\s*|\s+and\s+/i)
    .map((n) => reporter(fromLastFirst(n)))
    .filter((r) => r.name && !isPlaceholderAuthor(r.name) && !isOrganisation(r.name));

export function parseNitfByline(bylines: readonly Element[], outlet: string, desk: string): NitfByline {
  const result: NitfByline = { outlet, desk, reporters: [], sentences: [] };
  const add = (people: readonly Reporter[]) => mergePeople(result.reporters, people);
  for (const byline of bylines) {
    if (childElements(byline, 'person').length) {
      add(structured(byline));
      continue;
    }
    const { text, byttl } = bylineText(byline);
    if (!text) {
      // `<byline><byttl>Sports Network</byttl></byline>`: an organisation, not a person.
      if (!result.outlet) result.outlet = byttl;
      continue;
    }
    const bracket = /^\[\s*([^=\]\s]+)\s*(?:=\s*([^\]\s]+))?\s+(.+?)\s*\]$/.exec(text);
    const wire = /^\(\s*(?:([^=)]+?)\s*=\s*)?([^)]+?)\s*\)\s*(.+?)\s*=?$/.exec(text);
    const named = new Set(result.reporters.map((r) => personKey(r.name)));
    if (/normali[sz]ed/i.test(attrOf(byline, 'class'))) {
      add(normalisedNames(text));
    } else if (/^[^,]+,\s*[^,]+$/.test(text) && named.has(personKey(text))) {
      // "Last, First" of someone the print byline already named.
      continue;
    } else if (bracket) {
      result.outlet ||= bracket[1];
      result.desk ||= bracket[2] ?? '';
      add(koreanReporters(bracket[3]));
    } else if (wire) {
      result.desk ||= wire[1] ?? '';
      result.outlet ||= wire[2];
      add(koreanReporters(wire[3]));
    } else if (/[\uAC00-\uD7A3]/.test(text)) {
      if (isSentence(text)) result.sentences.push(text);
      else add(koreanReporters(text));
    } else {
      const read = bylinePeople(text, byttl);
      if (read.sentence) result.sentences.push(read.sentence);
      result.outlet ||= read.outlet;
      add(read.people.map((p) => reporter(p.name, p.role)));
    }
  }
  result.outlet = result.outlet.slice(0, 200);
  result.desk = result.desk.slice(0, 200);
  result.reporters = result.reporters.slice(0, 20);
  return result;
}
