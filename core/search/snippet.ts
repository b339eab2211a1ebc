// The passage a search result shows under its headline: the block outside the headline with
// the most matches (body before captions, captions before notes on a tie), cut to about a line
// and a half around its first match, with the matches marked.
import type { Article } from '../../shared/model/article';
import { articleText, type FieldText } from '../../shared/search/articleText';
import { findMarks, type Mark, type ParsedQuery } from '../../shared/search/tokenize';
import type { ResultRow, SearchField } from '../../shared/search/query';

const WIDTH = 140;
const LEAD = 40;
const PREFERENCE: SearchField[] = ['deck', 'body', 'caption', 'kicker', 'tags', 'byline', 'notes'];

export function buildSnippet(article: Article, query: ParsedQuery): ResultRow['snippet'] {
  return snippetOf(articleText(article), query);
}

/** The same from the article's text already split into fields (the server keeps them so). */
export function snippetOf(fields: readonly FieldText[], query: ParsedQuery): ResultRow['snippet'] {
  let best: { field: SearchField; text: string; marks: Mark[] } | null = null;
  for (const f of fields) {
    if (f.field === 'headline') continue;
    const marks = findMarks(f.text, query);
    if (marks.length === 0) continue;
    const better = !best || marks.length > best.marks.length || (marks.length === best.marks.length && PREFERENCE.indexOf(f.field) < PREFERENCE.indexOf(best.field));
    if (better) best = { field: f.field, text: f.text, marks };
  }
  if (!best) return null;
  const first = best.marks[0][0];
  let start = Math.max(0, first - LEAD);
  // Start at a word boundary, not in the middle of one.
  if (start > 0) {
    const space = best.text.lastIndexOf(' ', start);
    start = space >= 0 && first - space < LEAD * 2 ? space + 1 : start;
  }
  let end = Math.min(best.text.length, start + WIDTH);
  if (end < best.text.length) {
    const space = best.text.indexOf(' ', end);
    end = space >= 0 && space - end < 20 ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < best.text.length ? '…' : '';
  const text = prefix + best.text.slice(start, end) + suffix;
  const marks = best.marks
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + prefix.length, e - start + prefix.length] as Mark);
  return { field: best.field, text, marks };
}
