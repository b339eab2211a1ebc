// English bylines as pages print them: `By Dana Whitfield and Marco Ilves`, `By A, B and C`,
// `By JANE DOE, Associated Press`, `By Jane Doe, AP Business Writer`, `By Dana Whitfield | Coastline
// Herald`. Every part must read as names, a title or an outlet, so "By the numbers" is no byline.
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
}

/** Null unless the line is a byline. */
export function parseEnglishByline(line: string): EnglishByline | null {
  const m = /^by\s+(.+?)\.?$/i.exec(line.trim());
  if (!m || line.length > 200) return null;
  const text = m[1].replace(TRAILING_DATE, '');
  const parts = text.split(/\s*(?:[,;|]|\s[-–—]\s)\s*/).filter(Boolean);
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
