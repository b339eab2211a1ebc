// The one rule, shared by the NITF and ninjs readers, that turns a byline statement into people:
// "By A and B" / "A 및 B" / "A, B" are two reporters; "Name/TT" is a name and its agency; "Name,
// Outlet Title" is a name and its role; placeholders ("No Author", "Staff", "admin") and
// organisations ("CBS News") are not people; a sentence in the byline slot (some agencies put a
// subtitle there) is not a name and is handed back whole so the caller can keep it as a deck line;
// "Smith, John" (a normalised byline) and "JOHN SMITH" (the print one) are the same person.

export interface BylinePerson {
  name: string;
  role: string;
}

export interface BylinePeople {
  people: BylinePerson[];
  /** An agency or outlet the statement named ("Name/TT" → TT, "CBS News" given as the author). */
  outlet: string;
  /** The statement when it is a sentence rather than names: to keep (as a deck line), never a reporter. */
  sentence: string;
}

/** "By", its translations, and the print shapes "Compiled by", "Written by", "Reporting by". */
const LEAD = /^(?:(?:compiled|written|reported|reporting|edited|editing|additional\s+reporting|text|story|words|interview)\s+by|by|von|par|por|door|av|af|di|da)\s+/i;
/** A Korean role after a name: the one list, NITF's reader uses it too. */
export const KO_ROLE = /\s+((?:수석|선임|인턴|전문|객원)?기자|특파원|논설위원|편집위원|위원|통신원|PD)$/;

/** Joins between names: comma, semicolon, &, and/und/og/och/et/및, the middle dots Korean uses. */
const JOIN = /\s*(?:,|;|&|\+|\band\b|\bund\b|\bog\b|\boch\b|\bet\b|\bsowie\b|\s및\s|ㆍ|·|・)\s*/i;
/** Who is no one: what content systems write when nobody was named. */
const PLACEHOLDER = /^(?:by\s+)?(?:no\s*author|n\/?a|none|unknown|anonymous|staff(?:\s+(?:writer|reporter|report))?|admin(?:istrator)?|editor|redaktion|newsroom|web\s*desk|online\s*desk|desk|null|undefined|-+)$/i;
/** Names that end like an organisation's. */
const ORGANISATION =
  /(?:^|\s)(?:News|Newswire|Press|Agency|Agencia|Agence|Association|Network|Media|Newspapers?|Times|Post|Herald|Tribune|Gazette|Journal|Wire|Service|Services|Television|TV|Radio|Broadcasting|Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|Group|University|Institute|Foundation|Ministry|Council|Department|Office|Police|Agentur|Nachrichten|Zeitung|Nyheter|Tidning)$|^(?:[A-Z]{2,6}\s+)?(?:News|Media)\b/;
/** Words of a job title: "Press Association Political Correspondent", "AP Business Writer". */
const TITLE = /\b(?:Correspondent|Writer|Reporter|Editor|Columnist|Critic|Contributor|Photographer|Analyst|Staff|Bureau|Chief|Freelance|Special\s+to)\b/i;
/** Lower-case words that may sit inside a person's name ("Ludwig van Beethoven", "Frances d'Emilio"). */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|do|dos|das|du|la|le|ter|ten|zu|bin|ibn|al|el|y|e|af|av|st\.?|d'.*|l'.*|o'.*)$/;
/** A short upper-case agency code after a slash: TT, AP, NTB, dpa, AFP, Reuters. */
const AGENCY = /^(?:[A-Z][A-Za-z]{0,5}|[a-z]{2,4}|Reuters|Ritzau|Yonhap|Kyodo|Xinhua|Bloomberg)$/;
const HANGUL = /[\uAC00-\uD7A3]/;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export const isPlaceholderAuthor = (name: string): boolean => PLACEHOLDER.test(clean(name));
export const isOrganisation = (name: string): boolean => ORGANISATION.test(clean(name)) && !TITLE.test(clean(name));
const isTitle = (text: string) => TITLE.test(text) || isOrganisation(text);

/**
 * True when the text reads as a sentence rather than names: it ends in a full stop, question or
 * exclamation mark, a Korean sentence ending, or one "name" runs to more words than a name has,
 * or carries ordinary lower-case words.
 */
export function isSentence(text: string): boolean {
  const t = clean(text);
  if (!t) return false;
  if (HANGUL.test(t)) return /(?:다|요|죠|까)[.?!]?$/.test(t) || /[.?!]$/.test(t) || t.split(' ').length > 6;
  if (/[?!]$/.test(t) || /[a-z]{3,}\.$/.test(t)) return true;
  const words = t.replace(LEAD, '').split(' ');
  const lower = words.filter((w) => /^[a-z]/.test(w) && !PARTICLE.test(w) && !/^(?:and|und|og|och|et|by|of|the|for|at|in|sowie)$/.test(w));
  return words.length > 8 || lower.length >= 2;
}

/** A key under which "Smith, John", "JOHN SMITH" and "John Smith" are one person. */
export function personKey(name: string): string {
  const n = clean(name).toLowerCase();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(n);
  return (comma ? `${comma[2]} ${comma[1]}` : n).replace(/[.\s]+/g, ' ').trim();
}

/** "Smith, John" → "John Smith" (a normalised byline's one person). */
export function fromLastFirst(name: string): string {
  const m = /^([^,]+),\s*([^,]+)$/.exec(clean(name));
  return m ? `${m[2]} ${m[1]}` : clean(name);
}

/** Adds people not already there (by personKey); an all-capitals print name gives way to a written one. */
export function mergePeople<T extends { name: string }>(into: T[], more: readonly T[]): T[] {
  for (const person of more) {
    const same = into.find((p) => personKey(p.name) === personKey(person.name));
    if (!same) into.push(person);
    else if (same.name === same.name.toUpperCase() && person.name !== person.name.toUpperCase()) same.name = person.name;
  }
  return into;
}

/**
 * People in one byline statement. `role` is given to every person (a structured byttl); otherwise
 * a title after a comma ("Name, AP Business Writer") is the role of the names before it.
 */
export function bylinePeople(statement: string, role = ''): BylinePeople {
  const result: BylinePeople = { people: [], outlet: '', sentence: '' };
  let text = clean(statement).replace(LEAD, '');
  if (!text) return result;
  if (isSentence(text)) {
    result.sentence = clean(statement);
    return result;
  }
  // "Name / Outlet" (spaced) is a name and its outlet or title; "Name/TT" an agency code.
  const spaced = /^(.+?)\s+\/\s+(.+)$/.exec(text);
  if (spaced) {
    text = spaced[1];
    if (!role) role = spaced[2];
  }
  let pending: BylinePerson[] = [];
  for (const raw of text.split(JOIN)) {
    // "Reporting by A; editing by B": each piece may carry its own lead.
    let piece = clean(raw).replace(LEAD, '');
    if (!piece) continue;
    const slash = /^(.+?)\/(.+)$/.exec(piece);
    if (slash && AGENCY.test(slash[2].trim()) && looksLikeName(slash[1])) {
      piece = clean(slash[1]);
      result.outlet ||= slash[2].trim();
    }
    if (isPlaceholderAuthor(piece)) continue;
    if (pending.length && isTitle(piece) && !role) {
      // "Sam Lister, Press Association Political Correspondent": the title of the names before it.
      for (const p of pending) p.role = p.role ? `${p.role}, ${piece}` : piece;
      continue;
    }
    if (isOrganisation(piece)) {
      result.outlet ||= piece;
      continue;
    }
    // Korean: the role follows the names (`정태오 기자`), shared by the names before it without one (`김하늘ㆍ박도윤 기자`).
    const korean = KO_ROLE.exec(piece);
    if (korean && HANGUL.test(piece)) {
      const person = { name: clean(piece.slice(0, korean.index)), role: role || korean[1] };
      for (const p of result.people) if (!p.role && HANGUL.test(p.name)) p.role = person.role;
      result.people.push(person);
      pending = [];
      continue;
    }
    const person = { name: piece, role };
    result.people.push(person);
    pending = pending.length && pending[0].role ? [person] : [...pending, person];
  }
  return result;
}

/** Capitalised words (or Hangul), two to five of them, or one Hangul name: what a person's name looks like. */
function looksLikeName(text: string): boolean {
  const t = clean(text);
  if (HANGUL.test(t)) return t.length <= 12;
  const words = t.split(' ');
  return words.length >= 1 && words.length <= 5 && words.every((w) => /^[\p{Lu}]/u.test(w) || PARTICLE.test(w));
}
