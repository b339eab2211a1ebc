// Reads a plain-text copy of a news web page (select all, copy, paste) into an article: the site's
// furniture stripped; kicker, headline, deck, byline, dateline, paragraphs, captions (figures
// awaiting their photo), sign-off e-mail and tags recognised. Pure text in, ArticleContent out.
//
// The page is cut where the story starts — the byline or the first line that reads as a paragraph
// — into a header (kicker/headline/deck, parseHeader) and the story (parseBody).
import { ApiError } from '../../contract/errors';
import { ArticleContentSchema, emptyContent, type ArticleContent, type Language, type Reporter } from '../../model/article';
import { bodyFromItems } from '../importSummary';
import { splitCredit } from './captionCredit';
import { parseEnglishByline } from './englishByline';
import { isDateLine, isFurniture } from './furniture';
import { parseKoreanBylineLine, parseKoreanLead } from './koreanByline';
import { parseBody } from './parseBody';
import { parseHeader } from './parseHeader';
import { assignSignOffs, type SignOff } from './signOff';
import { EMAIL } from '../email';
import { languageFromText } from '../textLanguage';
import { BULLET, wordCount, webCopyLines } from './webCopyLines';

/** Far beyond any article; a paste this long is something else. */
const MAX_INPUT_CHARS = 2_000_000;
/** How many lines under a standfirst its byline may be (time stamps and share buttons between). */
const STANDFIRST_REACH = 8;

interface FoundByline {
  outlet: string;
  desk: string;
  /** Where the byline says the story was filed (`Dana Whitfield in Port Avery`), '' if it does not. */
  place: string;
  reporters: Reporter[];
  signOffs: SignOff[];
}

/** A byline on a line of its own above the story: `By A and B`, `A in Lund`, `김하늘ㆍ박도윤 기자 sky@…`. */
function bylineLine(text: string): FoundByline | null {
  const english = parseEnglishByline(text);
  if (english) return { outlet: english.outlet, desk: '', place: english.places[0] ?? '', reporters: english.reporters, signOffs: [] };
  const withoutEmail = text.replace(EMAIL, ' ').trim();
  const korean = withoutEmail ? parseKoreanBylineLine(withoutEmail) : null;
  if (!korean) return null;
  const emails = text.match(EMAIL) ?? [];
  return { ...korean, place: '', signOffs: emails.map((email, i) => ({ email, name: korean.reporters[i]?.name ?? '', role: '' })) };
}

/** A line that can only be copy: it ends like a sentence and is long enough to be a paragraph. */
function isParagraph(text: string, language: Language): boolean {
  if (/^[-–]/.test(text) || splitCredit(text)) return false;
  if (text.length >= 160) return true;
  // A full stop, possibly inside a closing quote; a bare closing quote ends many a Korean headline.
  if (!/[.!。]["'”’)\]]*$/.test(text)) return false;
  return language === 'ko' ? text.replace(/\s/g, '').length >= 20 : wordCount(text) >= 8;
}

function empty(): ApiError {
  return new ApiError('importFailed', 'No article found in the pasted text', { reason: 'empty' });
}

export function parseWebCopy(text: string): ArticleContent {
  if (text.length > MAX_INPUT_CHARS) throw new ApiError('importFailed', 'Pasted text is too long for one article', { reason: 'tooLarge' });
  const lines = webCopyLines(text);
  const language = languageFromText(lines.map((l) => l.text).join('\n'));

  const textAt = (i: number) => lines[i].text.replace(BULLET, '');
  const isStoryLine = (t: string) => !isFurniture(t) && !isDateLine(t) && isParagraph(t, language);
  /** A byline line at i, if any; one without `By` only under a headline, which it cannot then be. */
  const bylineAtLine = (i: number): FoundByline | null => {
    const found = bylineLine(textAt(i));
    if (!found || found.place === '' || /^by\s/i.test(textAt(i))) return found;
    return lines.slice(0, i).some((l) => !isFurniture(l.text) && !isDateLine(l.text) && wordCount(l.text) >= 4) ? found : null;
  };
  /**
   * A sentence above the byline is the standfirst, not the story: the byline line that follows it
   * with only furniture, time stamps, a credited photo caption or blank lines between, when a
   * paragraph still follows that.
   */
  const bylineUnder = (i: number): number => {
    for (let j = i + 1; j < lines.length && j <= i + STANDFIRST_REACH; j++) {
      const t = textAt(j);
      if (!t || isFurniture(t) || isDateLine(t) || splitCredit(t)) continue;
      if (!bylineAtLine(j)) return -1;
      for (let k = j + 1; k < lines.length; k++) if (textAt(k) && isStoryLine(textAt(k))) return j;
      return -1;
    }
    return -1;
  };

  // Where the story starts: the byline lead, a byline line, or the first paragraph.
  let bylineAt = -1;
  let headerByline: FoundByline | null = null;
  let start = -1;
  for (let i = 0; i < lines.length && start < 0; i++) {
    const t = textAt(i);
    if (!t) continue;
    if (parseKoreanLead(t)) start = i;
    else if (bylineAt < 0 && (headerByline = bylineAtLine(i))) bylineAt = i;
    else if (isStoryLine(t)) {
      const under = bylineAt < 0 ? bylineUnder(i) : -1;
      if (under < 0) start = i;
      else {
        bylineAt = under;
        headerByline = bylineAtLine(under);
        i = under;
      }
    }
  }
  if (start < 0) throw empty();

  const header = parseHeader(lines.slice(0, bylineAt >= 0 ? bylineAt : start), language);
  const body = parseBody(lines.slice(bylineAt >= 0 ? bylineAt + 1 : start), language);
  if (!body.items.some((item) => item.type === 'paragraph')) throw empty();

  const lead = body.lead;
  const reporters = lead?.reporters.length ? lead.reporters : (headerByline?.reporters ?? []);
  assignSignOffs(reporters, [...(headerByline?.signOffs ?? []), ...body.signOffs]);

  const content = emptyContent(language);
  content.kicker = header.kicker;
  content.headline = header.headline;
  content.deck = header.deck;
  content.byline = {
    outlet: lead?.outlet || headerByline?.outlet || body.dateline?.agency || '',
    desk: lead?.desk || headerByline?.desk || '',
    templateId: '',
    reporters,
  };
  // The body's own dateline, else the place a wire lead or a `Name in City` byline names.
  content.dateline = body.dateline?.dateline || lead?.place || headerByline?.place || '';
  content.tags = body.tags;
  // A credited caption in the header is the lead photo's, printed above the story: its figure first.
  content.body = bodyFromItems([...header.figures, ...body.items]);
  // Within the model's limits or not at all: a field too long for it means this was no article page.
  const checked = ArticleContentSchema.safeParse(content);
  if (!checked.success) throw new ApiError('importFailed', `Pasted text does not fit an article: ${checked.error.issues[0]?.message ?? ''}`, { reason: 'tooLarge' });
  return checked.data;
}


