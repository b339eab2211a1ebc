// The story's top as a web page shows it, between the site's menus and the byline: kicker,
// headline and deck. The headline is found by what surrounds it — the `-` deck lines under it
// (Korean style), a `[kicker]` in front, or else the first line long enough to be a headline in
// the last block before the byline — so menu entries above it fall away without a list of them.
import type { Language } from '../../model/article';
import type { BodyItem } from '../importSummary';
import { splitCredit } from './captionCredit';
import { isDateLine, isFurniture, isListHeader } from './furniture';
import { BULLET, endsSentence, wordCount, type WebCopyLine } from './webCopyLines';

export interface Header {
  kicker: string;
  headline: string;
  deck: string[];
  /** Credited captions under the headline: the lead photo's, kept as figures awaiting it. */
  figures: BodyItem[];
}

interface Entry {
  text: string;
  /** Which blank-line-separated block of the page it sits in. */
  block: number;
  /** Line number, to tell lines that touch from lines with furniture between them. */
  index: number;
  bulleted: boolean;
}

/** The article model allows four deck lines; more are joined into the last. */
const MAX_DECK = 4;
const DECK_MARK = /^[-–]\s*(?=\S)/;
const KICKER_BRACKET = /^[[【]\s*([^\]】]{1,30}?)\s*[\]】]\s*(.{2,})$/;
/** `Business | Energy`, `World › Asia`: a section path. */
const SECTION_PATH = /\S\s+[|›»>/·]\s+\S/;

const isSectionPath = (text: string) => SECTION_PATH.test(text) && wordCount(text) <= 8;

/** A full sentence of a paragraph's size: a standfirst under the headline, never the headline. */
function isStandfirst(text: string, language: Language): boolean {
  if (!/[.!。]["'”’)\]]*$/.test(text)) return false;
  return language === 'ko' ? text.replace(/\s/g, '').length >= 20 : wordCount(text) >= 8;
}

function isHeadlineLike(text: string, language: Language): boolean {
  if (isSectionPath(text) || DECK_MARK.test(text)) return false;
  return language === 'ko' ? text.replace(/\s/g, '').length >= 8 : wordCount(text) >= 4;
}

function isKickerLine(entry: Entry, headline: Entry, firstIndex: number): boolean {
  const t = entry.text;
  if (entry.index !== headline.index - 1 || endsSentence(t) || wordCount(t) > 6 || t.length > 40) return false;
  return isSectionPath(t) || entry.bulleted || entry.index === firstIndex || (/[A-Z]/.test(t) && t === t.toUpperCase());
}

export function parseHeader(lines: readonly WebCopyLine[], language: Language): Header {
  const entries: Entry[] = [];
  const figures: BodyItem[] = [];
  let block = 0;
  let firstIndex = -1;
  lines.forEach((line, index) => {
    if (!line.text) {
      block++;
      return;
    }
    if (firstIndex < 0) firstIndex = index;
    const bulleted = BULLET.test(line.text);
    const text = line.text.replace(BULLET, '').trim();
    if (!text || isFurniture(text) || isDateLine(text) || isListHeader(text)) return;
    // A credit on a line of a headline's size (not `World / Asia`, a section path): the lead photo's caption.
    const credited = splitCredit(text);
    if (credited && entries.length && isHeadlineLike(credited.caption, language)) {
      figures.push({ type: 'figure', caption: credited.caption, credit: credited.credit });
      return;
    }
    entries.push({ text, block, index, bulleted });
  });
  const h = findHeadline(entries, language);
  if (h < 0) return { kicker: '', headline: '', deck: [], figures };

  let headline = entries[h].text;
  let kicker = '';
  const bracket = KICKER_BRACKET.exec(headline);
  if (bracket) {
    kicker = bracket[1];
    headline = bracket[2].trim();
  } else if (h > 0 && isKickerLine(entries[h - 1], entries[h], firstIndex)) kicker = entries[h - 1].text;

  return { kicker, headline, deck: deckAfter(entries, h, language), figures };
}

function findHeadline(entries: readonly Entry[], language: Language): number {
  // Korean style: the headline is the line right above the first `-` deck line.
  const firstDeck = entries.findIndex((e) => DECK_MARK.test(e.text));
  if (firstDeck > 0) return firstDeck - 1;
  // A `[kicker]` headline: the last one, nearest the story.
  for (let i = entries.length - 1; i >= 0; i--) if (KICKER_BRACKET.test(entries[i].text) && isHeadlineLike(entries[i].text, language)) return i;
  // Else the first headline-sized line of the last block that has one.
  const blocks = [...new Set(entries.map((e) => e.block))].reverse();
  for (const b of blocks) {
    const i = entries.findIndex((e) => e.block === b && isHeadlineLike(e.text, language) && !isStandfirst(e.text, language));
    if (i >= 0) return i;
  }
  return entries.length ? entries.length - 1 : -1;
}

function deckAfter(entries: readonly Entry[], h: number, language: Language): string[] {
  const after = entries.slice(h + 1);
  const marked = after.some((e) => DECK_MARK.test(e.text));
  const deck: string[] = [];
  let lastBlock = entries[h].block;
  for (const e of after) {
    const isMarked = DECK_MARK.test(e.text);
    if (marked) {
      // `-` lines start deck lines; an unmarked line right under one is that line wrapped.
      if (isMarked) deck.push(e.text.replace(DECK_MARK, ''));
      else if (deck.length && e.block === lastBlock) deck[deck.length - 1] += ' ' + e.text;
      else break;
    } else {
      if (e.block !== entries[h].block && !isStandfirst(e.text, language)) break;
      // A line going on in lower case, or after a line left hanging, is the previous one wrapped.
      const wrapped = deck.length && (/^\p{Ll}/u.test(e.text) || /[,\-–]$|\b(and|or|the|a|of|to|in|for|with)$/i.test(deck[deck.length - 1]));
      if (wrapped) deck[deck.length - 1] += ' ' + e.text;
      // Shorter than a headline could be: a button or label the page put there, not a deck line.
      else if (isHeadlineLike(e.text, language)) deck.push(e.text);
    }
    lastBlock = e.block;
  }
  if (deck.length > MAX_DECK) deck.splice(MAX_DECK - 1, deck.length, deck.slice(MAX_DECK - 1).join(' '));
  return deck;
}
