// Reads NITF from any agency and any version (DTD-era 3.1/3.2 without a namespace, 3.4–3.6 with
// one): hl1 → headline, hedline hl2 → deck, series → kicker, byline → reporters, distributor →
// outlet, dateline, key-list → tags, body → paragraphs/중간제목/quotes/lists/figures (photos
// still to be attached), tagline e-mail → the lead reporter's e-mail, xml:lang/baselang or the
// text itself → language, embargoed + date.release → embargo. The XML is read by parseXmlSafely.
import { ApiError } from '../../../shared/contract/errors';
import { firstEmail, isEmail } from '../../../shared/exchange/email';
import { languageFromText } from '../../../shared/exchange/textLanguage';
import type { ImportedArticle } from '../../../shared/exchange/types';
import { ArticleContentSchema, type ArticleContent, type DocNode, type Language } from '../../../shared/model/article';
import { parseXmlSafely } from '../xml/parseXmlSafely';
import { attrOf, childElements, descendants, firstChild, nameOf, pathOf, textOf } from '../xml/xmlDom';
import { parseNitfByline } from './nitfByline';
import { parseNitfDate } from './nitfDates';
import { nitfToBody } from './nitfToBody';
import { giveSignOff, takeSignOff } from '../../../shared/exchange/import/bodySignOff';

const refuse = (reason: string, file: string, message: string) => new ApiError('importFailed', `${file}: ${message}`, { reason, file });

/**
 * ko or en (the only languages an article may have), and the declared tag when it was neither
 * (`nb`, `sv`…), so the import can say the language was changed instead of relabelling silently.
 */
function languageOf(root: Element, body: Element | null, sample: string): { language: Language; other: string } {
  const declared = ([attrOf(root, 'lang'), attrOf(root, 'baselang'), attrOf(body, 'lang')].find((v) => v.trim() !== '') ?? '').trim();
  if (/^ko\b/i.test(declared)) return { language: 'ko', other: '' };
  if (/^en\b/i.test(declared)) return { language: 'en', other: '' };
  // Undeclared or another language: Korean if the copy is written in Hangul.
  return { language: languageFromText(sample), other: declared };
}

/** The dateline's place: its `location` if marked, else its text without the story date. */
function datelineOf(dateline: Element | null): string {
  if (!dateline) return '';
  const locations = childElements(dateline, 'location');
  if (locations.length) return locations.map(textOf).join(', ');
  return childElements(dateline, 'story.date').length ? '' : textOf(dateline);
}

function plainText(nodes: readonly DocNode[]): string {
  return nodes.map((n) => (n.text ?? '') + ' ' + plainText(n.content ?? [])).join('');
}


function taglineEmail(body: Element | null): string {
  const tagline = pathOf(body, 'body.end', 'tagline');
  if (!tagline) return '';
  for (const a of descendants(tagline, 'a')) {
    const href = attrOf(a, 'href').trim();
    if (/^mailto:/i.test(href)) {
      const email = decodeURIComponent(href.slice(7).split('?')[0]).trim();
      if (isEmail(email)) return email;
    }
  }
  return firstEmail(textOf(tagline));
}

export async function fromNitf(bytes: Uint8Array, name: string): Promise<ImportedArticle> {
  const doc = parseXmlSafely(bytes, name);
  // NITF itself, or NITF carried inline in a NewsML-G2 item (IPTC's LISTING 22 shape).
  const root = nameOf(doc.documentElement) === 'nitf' ? doc.documentElement : descendants(doc.documentElement, 'nitf')[0];
  if (!root) throw refuse('unknownFormat', name, `root element <${doc.documentElement.nodeName}> is not <nitf>`);
  const head = firstChild(root, 'head');
  const docdata = firstChild(head, 'docdata');
  const body = firstChild(root, 'body');
  const bodyHead = firstChild(body, 'body.head');
  const hedline = firstChild(bodyHead, 'hedline');

  const headline = textOf(firstChild(hedline, 'hl1')) || textOf(firstChild(head, 'title'));
  const hl2 = childElements(hedline ?? root, 'hl2').map(textOf);
  const kicker = attrOf(firstChild(bodyHead, 'series'), 'series.name').trim() || attrOf(firstChild(docdata, 'series'), 'series.name').trim();
  const deskMeta = childElements(head ?? root, 'meta').find((m) => attrOf(m, 'name') === 'desk');
  const byline = parseNitfByline(childElements(bodyHead ?? root, 'byline'), textOf(firstChild(bodyHead, 'distributor')), attrOf(deskMeta, 'content').trim());
  const email = taglineEmail(body);
  if (email && byline.reporters.length) byline.reporters[0].email = email;
  const keywords = descendants(docdata ?? root, 'keyword').map((k) => (attrOf(k, 'key') || textOf(k)).trim().slice(0, 100));
  const tags = [...new Set(keywords.filter(Boolean))].slice(0, 50);
  const release = parseNitfDate(attrOf(firstChild(docdata, 'date.release'), 'norm'));
  const embargo = attrOf(docdata, 'management-status').toLowerCase() === 'embargoed' ? release : null;

  const parsed = nitfToBody(childElements(body ?? root, 'body.content'));
  // A Korean wire's body ends with its sign-off (`최윤호 기자 uknow@…`): the byline's, not the body's.
  const signed = takeSignOff(parsed.content);
  parsed.content = signed.content;
  giveSignOff(byline.reporters, signed.signOff);
  const bodyText = plainText(parsed.content).slice(0, 4000);
  if (!headline && !parsed.content.length) throw refuse('empty', name, 'no headline and no body');
  // A byline element that held a sentence (a subtitle) is a deck line, not a reporter.
  const deck = [...new Set([...hl2, ...byline.sentences])].filter((d) => d && d !== headline);
  const { language, other } = languageOf(root, body, `${headline} ${bodyText}`);

  const candidate: ArticleContent = {
    language,
    kicker: kicker.slice(0, 200),
    headline: headline.slice(0, 1000),
    deck: deck.slice(0, 4).map((d) => d.slice(0, 1000)),
    byline: { outlet: byline.outlet, desk: byline.desk, templateId: '', reporters: byline.reporters },
    dateline: datelineOf(firstChild(bodyHead, 'dateline')).slice(0, 200),
    tags,
    body: { type: 'doc', content: parsed.content.length ? parsed.content : [{ type: 'paragraph' }] },
    lengthTarget: null,
    deskNote: '',
    embargo,
    keptFindings: [],
  };
  const checked = ArticleContentSchema.safeParse(candidate);
  if (!checked.success) throw refuse('schema', name, checked.error.message);

  const warnings: ImportedArticle['warnings'] = [];
  if (other) warnings.push({ key: 'importLanguageGuessed', values: { lang: other } });
  if (parsed.figures) warnings.push({ key: 'import.photosNotIncluded', values: { count: String(parsed.figures) } });
  if (parsed.tables) warnings.push({ key: 'import.tablesAsText', values: { count: String(parsed.tables) } });
  return { content: checked.data, photos: [], format: 'nitf', warnings };
}
