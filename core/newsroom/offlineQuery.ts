// The library list of a bound folder with the server out of reach and no answer kept for this
// very read (issue 17, item 1): the query is answered from the stories this machine holds
// (heldStories.ts), with the local list's semantics: the same terms (tokenize.ts), field weights,
// filters, orders (relevance, then newest; the role's waiting states first), per-state counts,
// headline marks and snippets. A linear scan: a desk holds a few thousand stories at most.
// The answer says it covers only those (`heldOnly`), for the list to tell the person.
import type { ArticleStatus } from '../../shared/model/article';
import type { Person, Role } from '../../shared/model/person';
import { ArticleStatusSchema } from '../../shared/model/article';
import { ArticleQuerySchema, type ArticleQuery, type QueryResult, type ResultRow } from '../../shared/search/query';
import { findMarks, parseQuery, type ParsedQuery, type QueryPart } from '../../shared/search/tokenize';
import { HEADLINE_COLLATOR } from '../search/ListTable';
import { WAITING } from '../search/runQuery';
import { snippetOf } from '../search/snippet';
import { HeldStories, type HeldStory, type ReplicaCopies } from './heldStories';
import type { OfflineAnswers, RememberedRead } from './offlineAnswers';

export interface HeldViewer {
  id: string;
  role: Role;
}

interface Listed {
  ids: string[];
  total: number;
  counts: Record<ArticleStatus | 'all', number>;
  /** How many stories of the scope this machine holds. */
  held: number;
}

/** The best weight of a story's terms that meet one part of a query; 0 if none does. */
function partWeight(terms: ReadonlyMap<string, number>, part: QueryPart): number {
  if (part.kind === 'exact') return terms.get(part.term) ?? 0;
  let best = 0;
  for (const [term, w] of terms) {
    if (w <= best) continue;
    // A lone syllable is found in the two-syllable pieces too; a Latin word begins longer words.
    const meets = part.kind === 'syllable' ? term === part.term || (term.length === 2 && term.includes(part.term)) : term.startsWith(part.term);
    if (meets) best = w;
  }
  return best;
}

/** A story's score for a query (the parts' best weights added, as the index does), or 0 if it misses a part. */
export function scoreOf(story: HeldStory, parsed: ParsedQuery): number {
  let score = 0;
  for (const part of parsed.parts) {
    const w = partWeight(story.terms, part);
    if (w === 0) return 0;
    score += w;
  }
  return score;
}

/** The stories a query lists, in order, with the total and the counts for the state chips. */
export function listHeld(stories: readonly HeldStory[], q: ArticleQuery, viewer: HeldViewer, people: readonly Person[]): Listed & { order: HeldStory[] } {
  const f = q.filters;
  const parsed = parseQuery(q.text);
  const searching = parsed.parts.length > 0;
  const reporter = f.reporter ? people.find((p) => p.id === f.reporter) : undefined;
  const names = new Set([reporter?.name, reporter?.bylineName].filter((n): n is string => !!n));
  const from = f.from ? Date.parse(f.from) : -Infinity;
  const to = f.to ? Date.parse(f.to) : Infinity;
  const counts = { all: 0 } as Record<ArticleStatus | 'all', number>;
  for (const st of ArticleStatusSchema.options) counts[st] = 0;
  const waiting = WAITING[viewer.role];
  const listed: { story: HeldStory; rank: number }[] = [];
  let held = 0;
  for (const story of stories) {
    if (story.trashed !== (q.scope === 'trash')) continue;
    held++;
    if (f.desk && story.desk !== f.desk) continue;
    if (story.updatedMs < from || story.updatedMs >= to) continue;
    if (f.tag && !story.tags?.includes(f.tag)) continue;
    // The person as the server last listed them; not known here, the stories they own.
    if (f.reporter && story.ownerId !== f.reporter && !story.reporterNames.some((n) => names.has(n))) continue;
    const score = searching ? scoreOf(story, parsed) : 0;
    if (searching && score === 0) continue;
    counts.all++;
    counts[story.status]++;
    if (f.state !== 'all' && story.status !== f.state) continue;
    const queue = waiting.indexOf(story.status);
    const rank = q.order !== 'auto' ? 0 : searching ? -score : queue < 0 ? waiting.length : queue;
    listed.push({ story, rank });
  }
  const key = q.order === 'created' ? 'createdMs' : 'updatedMs';
  // Newest first within a rank (ties by id, as the server breaks them).
  const newest = (a: HeldStory, b: HeldStory) => b[key] - a[key] || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  listed.sort((a, b) => {
    if (q.order === 'headline') {
      const ha = a.story.headline;
      const hb = b.story.headline;
      // Untitled stories last.
      if (!ha !== !hb) return ha ? -1 : 1;
      return HEADLINE_COLLATOR.compare(ha, hb) || newest(a.story, b.story);
    }
    return a.rank - b.rank || newest(a.story, b.story);
  });
  const order = listed.map((l) => l.story);
  return { ids: order.map((s) => s.id), order, total: listed.length, counts, held };
}

/** One window of the list from the held stories: rows with headline marks and snippets, marked as covering only those. */
export function queryHeld(stories: readonly HeldStory[], input: ArticleQuery & { offset: number; limit: number }, viewer: HeldViewer, people: readonly Person[]): QueryResult {
  const q = ArticleQuerySchema.parse(queryOf(input));
  const { order, total, counts, held } = listHeld(stories, q, viewer, people);
  const parsed = parseQuery(q.text);
  const searching = parsed.parts.length > 0;
  const rows: ResultRow[] = order.slice(input.offset, input.offset + input.limit).map((story) => {
    const summary = story.summary();
    if (!searching) return { summary, headlineMarks: [], snippet: null };
    return { summary, headlineMarks: findMarks(summary.headline, parsed), snippet: snippetOf(story.fields, parsed) };
  });
  return { total, counts, rows, indexing: null, heldOnly: { stories: held } };
}

/** Every id a query lists, in order, up to `max`. */
export function queryHeldIds(stories: readonly HeldStory[], input: ArticleQuery & { max: number }, viewer: HeldViewer, people: readonly Person[]): { ids: string[]; total: number } {
  const { ids, total } = listHeld(stories, ArticleQuerySchema.parse(queryOf(input)), viewer, people);
  return { ids: ids.slice(0, input.max), total };
}

/** Desks and tags of the held stories in a scope, for the filter menus (tags only of stories opened here). */
export function heldFacets(stories: readonly HeldStory[], scope: 'active' | 'trash'): { desks: string[]; tags: string[] } {
  const desks = new Set<string>();
  const tags = new Set<string>();
  for (const s of stories) {
    if (s.trashed !== (scope === 'trash')) continue;
    if (s.desk) desks.add(s.desk);
    for (const tag of s.tags ?? []) tags.add(tag);
  }
  const collator = new Intl.Collator(['ko', 'en']);
  return { desks: [...desks].sort(collator.compare), tags: [...tags].sort(collator.compare) };
}

/** The query part of a request (without the actor and the window). */
function queryOf(input: Record<string, unknown>): Partial<ArticleQuery> {
  const { scope, text, filters, order } = input as Partial<ArticleQuery>;
  return { scope, text, filters, order };
}

const heldOf = new WeakMap<OfflineAnswers, HeldStories>();

/**
 * A list read the server could not be asked and that has no answer kept for this very input,
 * answered from the stories held here; any other read fails as it did (`failure`).
 */
export async function answerFromHeld(
  method: RememberedRead,
  request: Record<string, unknown>,
  answers: OfflineAnswers,
  live: ReplicaCopies,
  viewer: HeldViewer | null | undefined,
  failure: unknown,
): Promise<unknown> {
  if (method !== 'queryArticles' && method !== 'queryArticleIds' && method !== 'libraryFacets') throw failure;
  let held = heldOf.get(answers);
  if (!held) heldOf.set(answers, (held = new HeldStories(answers, live)));
  const stories = await held.all();
  if (method === 'libraryFacets') return heldFacets(stories, request.scope === 'trash' ? 'trash' : 'active');
  // Who asks: the signed-in person (a reporter's queue when not known).
  const who: HeldViewer = viewer ?? { id: String(request.actor ?? ''), role: 'reporter' };
  const people = await held.people();
  if (method === 'queryArticleIds') return queryHeldIds(stories, request as unknown as ArticleQuery & { max: number }, who, people);
  return queryHeld(stories, request as unknown as ArticleQuery & { offset: number; limit: number }, who, people);
}
