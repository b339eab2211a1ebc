// An article's search terms as PostgreSQL reads them, and a query's parts as tsqueries. The terms
// are the core tokenizer's (shared/search/tokenize), so the server finds what the desktop finds:
//   terms  every term of every field (GIN-indexed: what matches), plus each syllable of the
//          Hangul pieces, so a one-syllable query is one lexeme instead of "any piece holding it",
//          plus the filter keys (`#d:desk`, `#t:tag`, `#o:owner id`, `#r:byline name`: no query
//          term starts with '#', so no search text can match one);
//   high   terms whose best field is headline (A), kicker (B), deck (C), byline or tags (D);
//   low    terms whose best field is a caption (A) or the notes (B).
// A term in none of `high` and `low` has the body as its best field. A query part scores the best
// field weight (core/search/SearchIndex FIELD_WEIGHTS) of any term it matches; the parts' scores add.
// `terms` also holds each high or low term once more under its label (`#hA:term`, `#lB:term`), so
// the hits of one part whose best field is the headline (say) are one GIN lookup with no recheck:
// a search lists its first page field by field, or scores only the hits with a part in such a
// field (searchArticles.ts), instead of scoring every hit.
import type { FieldText } from '../../shared/search/articleText';
import { indexTerms, type ParsedQuery, type QueryPart } from '../../shared/search/tokenize';
import { FIELD_WEIGHTS } from '../../core/search/SearchIndex';

const HIGH_LABEL = new Map([[FIELD_WEIGHTS.headline, 'A'], [FIELD_WEIGHTS.kicker, 'B'], [FIELD_WEIGHTS.deck, 'C'], [FIELD_WEIGHTS.byline, 'D']]);
const LOW_LABEL = new Map([[FIELD_WEIGHTS.caption, 'A'], [FIELD_WEIGHTS.notes, 'B']]);
/** PostgreSQL refuses longer lexemes (2 KB); no word a person searches for is that long. */
const MAX_LEXEME_BYTES = 2000; // plus a label's 4 bytes, under PostgreSQL's 2,046

export interface ArticleTerms {
  terms: string;
  high: string;
  low: string;
}

/** A lexeme for a tsvector or tsquery literal: quoted, with quotes and backslashes escaped. */
function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Each term's best field weight over the article. */
export function bestWeights(fields: readonly FieldText[]): Map<string, number> {
  const best = new Map<string, number>();
  const put = (term: string, w: number) => {
    if ((best.get(term) ?? 0) < w) best.set(term, w);
  };
  for (const f of fields) {
    const w = FIELD_WEIGHTS[f.field];
    for (const term of indexTerms(f.text)) {
      if (Buffer.byteLength(term) > MAX_LEXEME_BYTES) continue;
      put(term, w);
      // The desktop answers a one-syllable query with every Hangul piece that holds the syllable.
      if (term.length === 2 && term.charCodeAt(0) >= 0x3400) {
        put(term[0], w);
        put(term[1], w);
      }
    }
  }
  return best;
}

/** A term under its best field's label in `terms` (no query term starts with '#'). */
const labelled = (label: string, term: string) => `#${label}:${term}`;

/** A field class a part's best term can fall in: its weight, and its label in `terms` (none for the body, which is what is left). */
export interface FieldBucket {
  weight: number;
  label: string | null;
}

/** Every best-field class, highest weight first. */
export const FIELD_BUCKETS: readonly FieldBucket[] = [
  ...[...HIGH_LABEL].map(([weight, l]) => ({ weight, label: `h${l}` })),
  ...[...LOW_LABEL].map(([weight, l]) => ({ weight, label: `l${l}` })),
  { weight: FIELD_WEIGHTS.body, label: null },
].sort((a, b) => b.weight - a.weight);

/** The hits of `part` whose best term for it has this label, as a tsquery literal on `terms`. */
export function labelQuery(part: QueryPart, label: string): string {
  return partQuery({ ...part, term: labelled(label, part.term) });
}

/** What the list filters on, as lexemes of `terms`. */
export interface FilterKeys {
  desk: string;
  tags: readonly string[];
  ownerId: string | null;
  reporterNames: readonly string[];
}

/** A filter key's lexeme (a literal's, quoted). */
export const filterKey = {
  desk: (desk: string) => lexeme(`#d:${desk}`),
  tag: (tag: string) => lexeme(`#t:${tag}`),
  owner: (id: string) => lexeme(`#o:${id}`),
  reporter: (name: string) => lexeme(`#r:${name}`),
};

/** The three tsvector literals of an article's text, with its filter keys in `terms`. */
export function articleTerms(fields: readonly FieldText[], keys: FilterKeys): ArticleTerms {
  const terms: string[] = [];
  if (keys.desk) terms.push(filterKey.desk(keys.desk));
  for (const tag of new Set(keys.tags)) if (tag) terms.push(filterKey.tag(tag));
  // No owner (a story from before owners) is a key too: such a draft is everyone's (visibility.ts).
  terms.push(filterKey.owner(keys.ownerId ?? ''));
  for (const name of new Set(keys.reporterNames)) if (name) terms.push(filterKey.reporter(name));
  const high: string[] = [];
  const low: string[] = [];
  for (const [term, w] of bestWeights(fields)) {
    const lex = lexeme(term);
    terms.push(lex);
    const h = HIGH_LABEL.get(w);
    if (h) {
      high.push(`${lex}:1${h}`);
      terms.push(lexeme(labelled(`h${h}`, term)));
    }
    const l = LOW_LABEL.get(w);
    if (l) {
      low.push(`${lex}:1${l}`);
      terms.push(lexeme(labelled(`l${l}`, term)));
    }
  }
  return { terms: terms.join(' '), high: high.join(' '), low: low.join(' ') };
}

/** One query part as a tsquery literal, restricted to some weights (labels) or not. */
export function partQuery(part: QueryPart, labels = ''): string {
  // A syllable part is one lexeme here: `terms` holds the syllables of its pieces (see above).
  return `${lexeme(part.term)}${part.kind === 'prefix' ? ':*' : labels ? ':' : ''}${labels}`;
}

/** Every part, all required: what an article must match. */
export function matchQuery(q: ParsedQuery): string {
  return q.parts.map((p) => partQuery(p)).join(' & ');
}
