// The story from its first paragraph down: the byline lead and dateline opening it, paragraphs,
// 중간제목, list items, captions (as figures awaiting their photo, credit split off), then the
// sign-off e-mail, after which only the tags line is still read. Furniture met on the way — menus,
// story lists, copyright lines, stamps, indented link lists — is left out.
import type { Language } from '../../model/article';
import type { BodyItem } from '../importSummary';
import { isKoreanSceneCaption, splitCredit } from './captionCredit';
import { parseDateline, type Dateline } from './dateline';
import { isCorrectionLine, isDateLine, isFurniture, isListHeader } from './furniture';
import { parseKoreanLead, type KoreanByline } from './koreanByline';
import { parseEndByline, parseSignOff, type SignOff } from './signOff';
import { addTags, isTopicsHeading, parseTagsLine, parseTopicLine } from './tagsLine';
import { hasEmail } from '../email';
import { endsSentence, wordCount, type WebCopyLine } from './webCopyLines';

export interface Body {
  items: BodyItem[];
  lead: KoreanByline | null;
  dateline: Dateline | null;
  signOffs: SignOff[];
  tags: string[];
}

/** 중간제목 markers as Korean copy prints them (`■ 회수율이 승부처`, `◆…`, `【…】`, `<…>`). */
const HEADING = /^(?:[■□◆◇●○★☆▣◈]\s*(.+)|【\s*(.+?)\s*】|<\s*([^<>]{1,60}?)\s*>)$/;
const LIST_ITEM = /^(?:[-–•·*]|\d{1,2}[.)])\s+(?=\S)/;
const QUOTE = /^>\s?(?=\S)/;
/** English lines this short without a full stop are subheads; longer ones are captions. */
const MAX_SUBHEAD_WORDS = 5;
/** Captions are a line or two; a longer unpunctuated line is a paragraph that lost its stop. */
const MAX_CAPTION_CHARS = 250;

/** A line that looks like a menu entry: short, no sentence end, nothing marking it as copy. */
function isMenuLike(text: string): boolean {
  return (
    text.length <= 40 &&
    !endsSentence(text) &&
    !splitCredit(text) &&
    !HEADING.test(text) &&
    !LIST_ITEM.test(text) &&
    !QUOTE.test(text) &&
    !hasEmail(text) &&
    !parseTagsLine(text)
  );
}

/** Lines in a run of two or more touching menu-like lines: a navigation list, not copy. */
function menuRuns(lines: readonly WebCopyLine[]): boolean[] {
  const like = lines.map((l) => l.text !== '' && isMenuLike(l.text));
  return like.map((v, i) => v && (like[i - 1] === true || like[i + 1] === true));
}

/** A line of story text after line i: then a name line at i is no sign-off. */
function storyAfter(lines: readonly WebCopyLine[], i: number): boolean {
  return lines.slice(i + 1).some((l) => l.text.length >= 40 && endsSentence(l.text) && !isFurniture(l.text) && !isDateLine(l.text));
}

function classify(text: string, language: Language, paragraphs: number): BodyItem {
  const heading = HEADING.exec(text);
  if (heading) return { type: 'heading', text: (heading[1] ?? heading[2] ?? heading[3]).trim() };
  if (LIST_ITEM.test(text)) return { type: 'paragraph', text: text.replace(LIST_ITEM, '') };
  if (QUOTE.test(text)) return { type: 'paragraph', text: text.replace(QUOTE, '') };
  const credited = splitCredit(text);
  if (credited) return { type: 'figure', caption: credited.caption, credit: credited.credit };
  if (!endsSentence(text) && text.length <= MAX_CAPTION_CHARS) {
    if (language === 'en' && wordCount(text) <= MAX_SUBHEAD_WORDS) return { type: 'heading', text };
    return { type: 'figure', caption: text };
  }
  if (language === 'ko' && paragraphs > 0 && isKoreanSceneCaption(text)) return { type: 'figure', caption: text };
  return { type: 'paragraph', text };
}

export function parseBody(lines: readonly WebCopyLine[], language: Language): Body {
  const out: Body = { items: [], lead: null, dateline: null, signOffs: [], tags: [] };
  const menu = menuRuns(lines);
  let paragraphs = 0;
  let ended = false;
  let signingOff = false;
  let skippingList = false;
  /** Under a topics heading: 'heading' until the first topic, 'topics' while they run. */
  let topics: 'no' | 'heading' | 'topics' = 'no';
  lines.forEach((line, i) => {
    const text = line.text;
    if (!text) {
      skippingList = false;
      if (topics === 'topics') topics = 'no';
      return;
    }
    const tags = parseTagsLine(text);
    if (tags) {
      addTags(out.tags, tags);
      return;
    }
    if (paragraphs > 0 && isTopicsHeading(text)) {
      topics = 'heading';
      return;
    }
    if (topics !== 'no') {
      const topic = isFurniture(text) ? null : parseTopicLine(text);
      if (topic) {
        addTags(out.tags, [topic]);
        topics = 'topics';
        return;
      }
      topics = 'no';
    }
    if (ended) {
      // Only more addresses right under the sign-off still belong to it.
      const more = signingOff ? parseSignOff(text) : null;
      if (more) out.signOffs.push(...more);
      else signingOff = false;
      return;
    }
    if (skippingList) return;
    if (isListHeader(text)) {
      skippingList = true;
      return;
    }
    if (isFurniture(text) || isDateLine(text) || menu[i]) return;
    if (line.indent >= 2 && !endsSentence(text) && text.length <= 60) return;
    if (paragraphs > 0 && isCorrectionLine(text)) {
      ended = true;
      return;
    }
    // A byline printed at the end without an address signs off only when no story follows it.
    const endByline = paragraphs > 0 ? parseEndByline(text) : null;
    const signOff = paragraphs > 0 ? (parseSignOff(text) ?? (endByline && !storyAfter(lines, i) ? endByline : null)) : null;
    if (signOff) {
      out.signOffs.push(...signOff);
      ended = signingOff = true;
      return;
    }

    let rest = text;
    let opensStory = false;
    if (paragraphs === 0 && !out.lead) {
      const lead = parseKoreanLead(rest);
      if (lead) {
        out.lead = lead.byline;
        rest = lead.rest.trim();
        opensStory = true;
        if (!rest) return;
      }
    }
    if (paragraphs === 0 && !out.dateline) {
      const head = rest.slice(0, 120);
      const dateline = parseDateline(head);
      if (dateline) {
        out.dateline = dateline;
        rest = (dateline.rest + rest.slice(head.length)).trim();
        opensStory = true;
      }
    }
    const item: BodyItem = opensStory ? { type: 'paragraph', text: rest } : classify(rest, language, paragraphs);
    // A credit on the line under its caption (`Photograph: …`, `사진=…`) is that caption's.
    const previous = out.items[out.items.length - 1];
    if (item.type === 'figure' && !item.caption && item.credit && previous?.type === 'figure' && !previous.credit) {
      previous.credit = item.credit;
      return;
    }
    if (item.type === 'paragraph') paragraphs++;
    out.items.push(item);
  });
  // Without a sign-off, a caption-like line after the last paragraph is the page's, not the story's.
  if (!ended) {
    while (out.items.length && out.items[out.items.length - 1].type !== 'paragraph') {
      const last = out.items[out.items.length - 1];
      if (last.type === 'figure' && last.credit) break;
      out.items.pop();
    }
  }
  return out;
}
