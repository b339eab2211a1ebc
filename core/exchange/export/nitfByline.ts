// The byline as NITF prints it: the house-rendered line (`[한빛경제=산업부 김하늘ㆍ박도윤 기자]`,
// `By Dana Whitfield and Marco Ilves`) with each name marked `person` and each printed role marked
// `byttl`. A role the house style does not print follows its person (", Energy reporter"), the way
// agencies write `By X, AP Business Writer`. A `byttl` covers the persons before it, as a
// shared Korean role (김하늘ㆍ박도윤 기자) does.
import type { ExportArticle } from '../../../shared/exchange/types';
import { xmlSafe } from '../xml/xmlText';
import type { XMLBuilder } from './nitfBody';

type Piece = { text: string } | { person: string } | { byttl: string };

function pieces(text: string, reporters: { name: string; role: string }[]): Piece[] | null {
  const out: Piece[] = [];
  let cursor = 0;
  const take = (at: number, value: string, piece: Piece) => {
    if (at > cursor) out.push({ text: text.slice(cursor, at) });
    out.push(piece);
    cursor = at + value.length;
  };
  for (let i = 0; i < reporters.length; i++) {
    const { name, role } = reporters[i];
    const at = text.indexOf(name, cursor);
    if (at < 0) return null;
    take(at, name, { person: name });
    if (!role) continue;
    const nextName = i + 1 < reporters.length ? text.indexOf(reporters[i + 1].name, cursor) : -1;
    const roleAt = text.indexOf(role, cursor);
    const limit = nextName < 0 ? text.length : nextName;
    if (roleAt >= 0 && roleAt + role.length <= limit) take(roleAt, role, { byttl: role });
    // Printed later, after a neighbour with the same role: that byttl will cover this person.
    else if (roleAt < 0 || reporters.slice(i + 1).every((r) => r.role !== role)) {
      out.push({ text: ', ' }, { byttl: role });
    }
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

export function appendByline(bodyHead: XMLBuilder, a: ExportArticle): void {
  const reporters = a.byline.reporters.map((r) => ({ name: r.name.trim(), role: r.role.trim() })).filter((r) => r.name);
  const text = a.bylineText.trim();
  if (!reporters.length && !text) return;
  const fallback = (): Piece[] =>
    reporters.flatMap((r, i): Piece[] => [...(i ? [{ text: ', ' }] : []), { person: r.name }, ...(r.role ? [{ text: ' ' }, { byttl: r.role }] : [])]);
  const parts = reporters.length ? (pieces(text, reporters) ?? fallback()) : [{ text }];
  const byline = bodyHead.ele('byline');
  for (const part of parts) {
    if ('text' in part) byline.txt(xmlSafe(part.text));
    else if ('person' in part) byline.ele('person').txt(xmlSafe(part.person));
    else byline.ele('byttl').txt(xmlSafe(part.byttl));
  }
}
