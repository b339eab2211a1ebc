// English bylines as pages print them: `By Dana Whitfield and Marco Ilves`, `By A, B and C`,
// `By JANE DOE, Associated Press`, `By Jane Doe, AP Business Writer`, `By Dana Whitfield | Coastline
// Herald`, and the form that says where each reporter filed from, with or without `By`: `Dana
// Whitfield in Port Avery and Marco Ilves in Lund`. Every part must read as names, a title or an
// outlet, so "By the numbers" is no byline; without `By` every name must carry its `in Place`.
import type { Reporter } from '../../model/article';

const TITLE = /\b(writers?|reporters?|correspondents?|editors?|staff|columnist|contributors?|contributing|producers?|bureau chief|analyst|photographer)\b/i;
const OUTLET =
  /\b(press|news|reuters|times|herald|post|journal|agency|bloomberg|afp|ap|service|wire|network|media|tribune|gazette|daily|telegraph|guardian|chronicle|review|monitor|yonhap|xinhua|kyodo|broadcasting|bbc|cnn|npr|magazine|weekly)\b/i;
const NAME_WORD = /^(\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|van|von|de|da|del|der|den|la|le|bin|al|el|di|du|dos)$/u;
const TRAILING_DATE = /,?\s+(updated\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(,\s*\d{4})?.*)$/i;

function isName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 1 && words.length <= 5 && NAME_WORD.test(words[0]) && /^\p{Lu}/u.test(words[0]) && words.every((w) => NAME_WORD.test(w));
}

export interface EnglishByline {
  outlet: string;
  reporters: Reporter[];
  /** Where the byline says the reporters filed from (`in Port Avery`), in order, '' if none. */
  places: string[];
}

/** `Dana Whitfield in Port Avery`: a name, then `in` and a capitalised place of up to four words. */
const NAME_IN_PLACE = /^(.+?)\s+in\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u;

/** Null unless the line is a byline. */
export function parseEnglishByline(line: string): EnglishByline | null {
  if (line.length > 200) return null;
  const m = /^by\s+(.+?)\.?$/i.exec(line.trim());
  // Without `By`, only the `Name in Place` form: a line of bare names could be anything.
  const text = (m ? m[1] : line.trim()).replace(TRAILING_DATE, '');
  const places: string[] = [];
  const parts = text
    .split(/\s*(?:[,;|]|\s[-–—]\s)\s*/)
    .filter(Boolean)
    .flatMap((part) => part.split(/\s+(?:and|&)\s+(?=[^,]*\sin\s)/i))
    .map((part) => {
      const placed = NAME_IN_PLACE.exec(part);
      if (!placed || !isName(placed[1])) return part;
      places.push(placed[2]);
      return placed[1];
    });
  // Without `By`, every part a name of two words or more in its place ("Floods in Lund" is not one).
  if (!m && (!places.length || places.length !== parts.length || parts.some((p) => p.split(/\s+/).length < 2))) return null;
  const parsed = readParts(parts);
  return parsed ? { ...parsed, places } : null;
}

function readParts(parts: readonly string[]): { outlet: string; reporters: Reporter[] } | null {
  const reporters: Reporter[] = [];
  let outlet = '';
  let group: Reporter[] = [];
  for (const part of parts) {
    if (TITLE.test(part) && reporters.length) {
      for (const r of group) r.role = part;
      group = [];
    } else if (OUTLET.test(part) && reporters.length && !isNameList(part)) {
      outlet ||= part;
      group = [];
    } else {
      const names = splitNames(part);
      if (!names) return null;
      const added = names.map((name) => ({ name, role: '', email: '' }));
      reporters.push(...added);
      group.push(...added);
    }
  }
  return reporters.length ? { outlet, reporters } : null;
}

function splitNames(part: string): string[] | null {
  const names = part.split(/\s+(?:and|&)\s+|^and\s+/i).map((n) => n.trim()).filter(Boolean);
  return names.length && names.every(isName) ? names : null;
}

function isNameList(part: string): boolean {
  // "Dana Post and Ed Times" are people; "Associated Press" is not a list of names joined by "and".
  return /\s(and|&)\s/i.test(part) && splitNames(part) !== null;
}
