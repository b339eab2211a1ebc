// Reads IPTC ninjs 1.x–3.x (and Superdesk-flavoured ninjs) into an article. The versions spell
// the same things differently — `headline`/`headlines`, `body_html`/`bodies`, `byline`/`by`,
// `subject`/`subjects`, associations as a map or an array, lower or camel case — so each field is
// looked up under every name it has had. Photos are not fetched: figures keep caption, credit and
// alt with photoId '', and their image URLs are returned for whoever can fetch or match them.
// Superdesk and Newsroom send items with `guid` (or `id`) and no `uri`, sometimes inside an API
// envelope (`{"item": [ … ]}`); the identifier is kept. Bylines go through the shared rule
// (shared/byline/bylinePeople.ts), as NITF's do.
import { bylinePeople, isOrganisation, isPlaceholderAuthor, mergePeople } from '../../byline/bylinePeople';
import { ApiError } from '../../contract/errors';
import type { Reporter } from '../../model/article';
import { plainText, type Block } from '../blocks';
import type { ImportedArticle } from '../types';
import { bodyFromBlocks, figureOrder, type ImportFigure } from './bodyFromBlocks';
import { isEmail } from '../email';
import { importedContent } from './importedContent';
import { simpleHtmlBlocks } from './simpleHtmlBlocks';
import { checkJsonDepth, checkMarkupDepth } from '../limits/checkInput';
import { giveSignOff, signOffIn } from './bodySignOff';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
/** The first of several property names (versions renamed them) that holds a value. */
const pick = (o: Obj, ...keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null && v !== '');
const isHtmlType = (type: string) => /html|xml/i.test(type);
const stripTags = (html: string) => simpleHtmlBlocks(html).blocks.flatMap(textOf).join(' ').trim();

function textOf(b: Block): string[] {
  if (b.type === 'paragraph' || b.type === 'heading') return [plainText(b.inlines)];
  if (b.type === 'quote') return b.blocks.flatMap(textOf);
  if (b.type === 'list') return b.items.flat().flatMap(textOf);
  return [];
}

/** The properties that have held an item's identifier: ninjs `uri`, Superdesk/Newsroom `guid`, API `id`/`_id`. */
const ID_KEYS = ['uri', 'guid', 'id', '_id', 'identifier'];

/** The item's identifier, or '' when it has none. */
function identifierOf(o: Obj): string {
  const value = ID_KEYS.map((k) => o[k]).find((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number');
  return value === undefined ? '' : String(value).trim();
}

const hasNewsShape = (o: Obj) => Object.keys(o).some((k) => /^(headlines?|headline_.+|bodies|body_.+|title|descriptions|type|version|versioncreated|versionCreated|firstcreated|firstCreated|associations|renditions)$/.test(k));

/** What keeps a JSON value from being a ninjs news item ('' when nothing does): its identifier, or any news fields at all. */
function lacking(o: unknown): '' | 'identifier' | 'newsItem' {
  if (!isObj(o) || !hasNewsShape(o)) return 'newsItem';
  return identifierOf(o) ? '' : 'identifier';
}

/** An API envelope holding exactly one item (`{"item": [ … ], "total": 1}`, Newsroom's `_items`): that item. */
function unwrapEnvelope(o: unknown): unknown {
  if (!isObj(o) || hasNewsShape(o)) return o;
  for (const key of ['item', 'items', '_items', 'data']) {
    const list = o[key];
    if (Array.isArray(list) && list.length === 1 && isObj(list[0])) return list[0];
    if (isObj(list) && hasNewsShape(list)) return list;
  }
  return o;
}

interface Picture {
  name: string;
  uri: string;
  caption: string;
  credit: string;
  alt: string;
  hrefs: string[];
}

function pictureOf(name: string, o: Obj): Picture | null {
  const type = str(o.type);
  if (type !== 'picture' && type !== 'graphic') return null;
  const descriptions = arr(o.descriptions);
  const describe = (role: string) => str(descriptions.find((d) => str(d.role) === role)?.value);
  const plainDescription = descriptions.find((d) => !['alt', 'correction'].includes(str(d.role)));
  const caption =
    describe('caption') ||
    (plainDescription ? (isHtmlType(contentTypeOf(plainDescription)) ? stripTags(String(plainDescription.value)) : str(plainDescription.value)) : '') ||
    str(o.description_text) ||
    (typeof o.description_html === 'string' ? stripTags(o.description_html) : '') ||
    str(o.headline);
  const authors = arr(o.authors).map((a) => str(a.name)).filter(Boolean);
  const credit = str(pick(o, 'by', 'byline', 'credit')) || authors.join(', ');
  const renditions = Array.isArray(o.renditions) ? arr(o.renditions) : isObj(o.renditions) ? Object.values(o.renditions).filter(isObj) : [];
  const hrefs = renditions.map((r) => str(r.href)).filter(Boolean);
  return { name, uri: str(pick(o, 'uri', 'guid')), caption, credit, alt: describe('alt') || str(o.alt_text), hrefs };
}

function picturesOf(o: Obj): Picture[] {
  const raw = o.associations;
  const entries: [string, unknown][] = Array.isArray(raw) ? raw.map((a) => [isObj(a) ? str(a.name) : '', a]) : isObj(raw) ? Object.entries(raw) : [];
  return entries.flatMap(([name, a]) => (isObj(a) ? [pictureOf(name, a)].filter((p): p is Picture => p !== null) : []));
}

/** contentType in 3.x, contenttype in 2.x. */
const contentTypeOf = (o: Obj) => str(o.contentType ?? o.contenttype);
const looksLikeHtml = (value: string) => /^\s*<[a-zA-Z!]/.test(value) && /<\/[a-zA-Z][a-zA-Z0-9]*\s*>/.test(value);

/**
 * The richest body: HTML if there is one, else plain text. 2.x/3.x list them in `bodies`; 1.x has
 * `body_text`, `body_html`, `body_xhtml` or any `body_<role>` (1.6).
 */
function bodySource(o: Obj): { html: string } | { text: string } | null {
  const candidates = [
    ...arr(o.bodies).map((b) => ({ value: b.value, html: isHtmlType(contentTypeOf(b)) })),
    ...Object.keys(o)
      .filter((k) => k.startsWith('body_'))
      .map((k) => ({ value: o[k], html: /html|xml|rich/i.test(k) })),
  ]
    .filter((c): c is { value: string; html: boolean } => typeof c.value === 'string' && c.value.trim() !== '')
    .map((c) => ({ value: c.value, html: c.html || looksLikeHtml(c.value) }));
  const html = candidates.find((c) => c.html);
  if (html) return { html: html.value };
  return candidates.length ? { text: candidates[0].value } : null;
}

function textBlocks(text: string): Block[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  // Paragraphs are separated by blank lines; wires that use single newlines get one paragraph per line.
  const chunks = /\n\s*\n/.test(normalized) ? normalized.split(/\n\s*\n/) : normalized.split('\n');
  return chunks.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean).map((t) => ({ type: 'paragraph', inlines: [{ text: t }] }));
}

const AUTHOR_RELS = /(^|[/:#])(author|creator|writer|reporter|byline|correspondent)$/i;

interface Authors {
  reporters: Reporter[];
  /** An agency or outlet the byline named ("Name/TT", an organisation given as the author). */
  outlet: string;
  /** A byline that was a sentence, not names: kept as a deck line. */
  sentence: string;
}

function reportersOf(o: Obj, by: string): Authors {
  const people = [...arr(o.people), ...arr(o.person)].filter((p) => AUTHOR_RELS.test(str(p.rel)));
  const authors = arr(o.authors).filter((a) => /author|writer|reporter|correspondent/i.test(str(a.role)));
  const listed = [...people, ...authors];
  if (listed.length) {
    const reporters: Reporter[] = [];
    let outlet = '';
    for (const p of listed) {
      const name = str(p.name);
      if (!name || isPlaceholderAuthor(name)) continue;
      // "CBS News" as the author: the outlet, not a reporter.
      if (isOrganisation(name)) {
        outlet ||= name;
        continue;
      }
      const email = arr(p.contactInfo ?? p.contactinfo).find((c) => str(c.type).toLowerCase() === 'email' || isEmail(str(c.value)));
      mergePeople(reporters, [{ name, role: '', email: email ? str(email.value) : '' }]);
    }
    if (reporters.length || outlet) return { reporters, outlet, sentence: '' };
  }
  // A byline statement: "By A and B", "A, B", "Name/TT".
  const read = bylinePeople(by);
  return { reporters: mergePeople([], read.people.map((p) => ({ name: p.name, role: p.role, email: '' }))), outlet: read.outlet, sentence: read.sentence };
}

function sourcesOf(o: Obj): { outlet: string; desk: string } {
  const sources = [...arr(o.infoSources), ...arr(o.infosources), ...arr(o.infosource)];
  const byRole = (role: string) => str(sources.find((s) => str(s.role).toLowerCase() === role)?.name);
  const outlet = byRole('publisher') || str(sources.find((s) => !str(s.role))?.name) || str(pick(o, 'copyrightHolder', 'copyrightholder', 'source'));
  return { outlet, desk: byRole('desk') };
}

function tagsOf(o: Obj): string[] {
  const subjects = [...arr(o.subjects), ...arr(o.subject)].map((s) => str(s.name) || str(s.literal));
  const keywords = Array.isArray(o.keywords) ? o.keywords.map(str) : [];
  return [...subjects, ...keywords].filter(Boolean);
}

export interface NinjsRead {
  article: ImportedArticle;
  /** Image URL (first rendition) of each figure, in body order; '' where none is known. */
  figureSources: string[];
  /** The sender's identifier for the item (`uri`, else `guid`, `id`…): what updates of it will carry. */
  identifier: string;
}

/** Why a JSON value is not a ninjs article, naming what it lacks (translated by `lacking`). */
const notNinjs = (name: string, what: 'identifier' | 'newsItem') =>
  new ApiError('importFailed', `${name}: not a ninjs news item (${what === 'identifier' ? 'no uri, guid or id' : 'no headline, body or other news item field'})`, { reason: 'schema', file: name, lacking: what });

export function readNinjs(json: unknown, name: string): NinjsRead {
  let doc = json;
  if (typeof doc === 'string') {
    checkJsonDepth(doc, name);
    try {
      doc = JSON.parse(doc);
    } catch (err) {
      throw new ApiError('importFailed', `${name}: ${(err as Error).message}`, { reason: 'malformed', file: name });
    }
  }
  doc = unwrapEnvelope(doc);
  const missing = lacking(doc);
  if (missing || !isObj(doc)) throw notNinjs(name, missing || 'newsItem');
  const o = doc;
  // Events and planning items are ninjs, but not stories.
  if (['event', 'planning'].includes(str(o.type))) throw new ApiError('importFailed', `${name}: a ninjs ${str(o.type)}, not an article`, { reason: 'empty', file: name });

  const headlines = arr(o.headlines);
  const role = (r: string) => headlines.filter((h) => str(h.role).toLowerCase() === r).map((h) => str(h.value));
  let headline = role('main')[0] ?? str(headlines.find((h) => !['kicker', 'subheadline', 'deck'].includes(str(h.role).toLowerCase()))?.value) ?? '';
  // 1.x: `headline`, or (1.6) `headline_<role>`; `title` is metadata, the last resort.
  if (!headline) headline = str(o.headline) || str(o.headline_main) || str(Object.entries(o).find(([k]) => k.startsWith('headline_'))?.[1]) || str(o.title);
  const kicker = role('kicker')[0] ?? '';
  const by = str(pick(o, 'by', 'byline'));
  const authors = reportersOf(o, by);
  const reporters = authors.reporters;
  const deck = [...role('subheadline'), ...role('deck'), ...(authors.sentence ? [authors.sentence] : [])];
  const pictures = picturesOf(o);
  const source = bodySource(o);

  const figures: ImportFigure[] = [];
  const figureSources: string[] = [];
  let blocks: Block[] = [];
  const used = new Set<Picture>();
  if (source && 'html' in source) {
    checkMarkupDepth(source.html, name, true);
    const read = simpleHtmlBlocks(source.html);
    if (!headline) headline = read.firstH1;
    blocks = read.blocks;
    for (const f of read.figures) {
      const match = pictures.find((p) => !used.has(p) && (f.refs.includes(p.name) || f.refs.includes(p.uri) || (f.src !== '' && p.hrefs.includes(f.src))));
      if (match) used.add(match);
      figures.push({ caption: match?.caption || f.caption, credit: match?.credit || f.credit, alt: match?.alt || f.alt });
      figureSources.push(match?.hrefs[0] ?? f.src);
    }
  } else if (source) blocks = textBlocks(source.text);

  // The wire's own copy of the headline at the top of the body is not body text.
  const firstText = blocks.findIndex((b) => b.type !== 'figure');
  if (firstText >= 0 && textOf(blocks[firstText]).join(' ') === headline) blocks.splice(firstText, 1);
  // The sign-off e-mail closes our own bodies; the byline already holds it.
  const lastBlock = blocks[blocks.length - 1];
  if (lastBlock?.type === 'paragraph' && reporters.some((r) => r.email && r.email === plainText(lastBlock.inlines))) blocks.pop();
  // A Korean wire's sign-off closing the body (`최윤호 기자 uknow@…`) is the byline's, not the body's.
  const closing = blocks[blocks.length - 1];
  const signOff = closing?.type === 'paragraph' && blocks.length >= 2 ? signOffIn(plainText(closing.inlines)) : null;
  if (signOff?.whole) blocks.pop();
  else if (signOff && closing.type === 'paragraph' && closing.inlines.length === 1 && !closing.inlines[0].bold && !closing.inlines[0].italic && !closing.inlines[0].href) closing.inlines = [{ text: signOff.kept }];
  giveSignOff(reporters, signOff);

  // Pictures the body does not place (a 1.x `mainpic`, Superdesk `featuremedia`) lead the story.
  const lead = pictures.filter((p) => !used.has(p));
  const leadBlocks: Block[] = lead.map((p) => {
    figures.push({ caption: p.caption, credit: p.credit, alt: p.alt });
    figureSources.push(p.hrefs[0] ?? '');
    return { type: 'figure', index: figures.length - 1 };
  });
  const ordered = [...leadBlocks, ...blocks];

  const sources = sourcesOf(o);
  const outlet = sources.outlet || authors.outlet;
  const desk = sources.desk;
  const declaredLanguage = str(o.language);
  const content = importedContent(
    {
      declaredLanguage,
      kicker,
      headline,
      deck,
      outlet,
      desk,
      reporters,
      dateline: str(o.located),
      tags: tagsOf(o),
      body: bodyFromBlocks(ordered, figures),
      embargo: str(pick(o, 'embargoedUntil', 'embargoed')) || null,
    },
    name,
  );
  const warnings: ImportedArticle['warnings'] = figures.length ? [{ key: 'import.photosNotFetched', values: { count: String(figures.length) } }] : [];
  // An article is Korean or English; a file declared in another language says it was changed.
  if (declaredLanguage && !/^(?:ko|en)\b/i.test(declaredLanguage)) warnings.push({ key: 'importLanguageGuessed', values: { lang: declaredLanguage } });
  // Lead figures were numbered after the body's: list the sources in body order.
  return { article: { content, photos: [], format: 'ninjs', warnings }, figureSources: figureOrder(ordered).map((i) => figureSources[i]), identifier: identifierOf(o) };
}

export function fromNinjs(json: unknown, name: string): ImportedArticle {
  return readNinjs(json, name).article;
}
