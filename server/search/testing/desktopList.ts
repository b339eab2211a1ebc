// The desktop's list and search over a set of articles, built from the core's own parts (list
// table, search index, runQuery, snippets) without a library folder: what the server's search
// must answer the same as (sameAsDesktop.test.ts) and is measured against (bench/serverBench.ts).
import type { Article } from '../../../shared/model/article';
import type { Person } from '../../../shared/model/person';
import { defaultPermissions } from '../../../shared/workflow/transitions';
import { articleText } from '../../../shared/search/articleText';
import type { ArticleQuery, QueryResult } from '../../../shared/search/query';
import { findMarks, parseQuery } from '../../../shared/search/tokenize';
import { photoIdsIn } from '../../../shared/photos/figures';
import { summarise } from '../../../core/articleSummary';
import { ListTable } from '../../../core/search/ListTable';
import { ListQueries, type ListParts } from '../../../core/search/listQueries';
import { runQuery, type SlotHits } from '../../../core/search/runQuery';
import { SearchIndex } from '../../../core/search/SearchIndex';
import { buildSnippet } from '../../../core/search/snippet';

export class DesktopList {
  private readonly table = new ListTable();
  private readonly index = new SearchIndex();
  private readonly articles = new Map<string, Article>();
  private readonly hits: SlotHits = { stamp: new Int32Array(0), score: new Int32Array(0), mark: 0 };

  /** `articleOf` reads an article back for its snippet (a bench of 100,000 keeps none in memory, as the desktop keeps none). */
  constructor(
    private readonly people: readonly Person[],
    private readonly articleOf?: (id: string) => Article,
  ) {}

  put(a: Article): void {
    if (!this.articleOf) this.articles.set(a.id, a);
    this.table.put({ summary: summarise(a), photos: photoIdsIn(a.body), tags: a.tags, size: 0, mtimeMs: 0 });
    this.index.put(a.id, articleText(a), { size: 0, mtimeMs: 0 });
  }

  /** The ids and scores the index finds, as the core's search thread hands them to runQuery. */
  private search(text: string): SlotHits | null {
    const parsed = parseQuery(text);
    if (parsed.parts.length === 0) return null;
    const h = this.hits;
    if (h.stamp.length < this.table.slotCount) {
      h.stamp = new Int32Array(this.table.slotCount + 1024);
      h.score = new Int32Array(this.table.slotCount + 1024);
    }
    h.mark++;
    const found = this.index.searchDocs(parsed);
    for (let i = 0; i < found.count; i++) {
      const slot = this.table.slot(this.index.idOfDoc(found.docs[i]))!;
      h.stamp[slot] = h.mark;
      h.score[slot] = found.scores[i];
    }
    return h;
  }

  /** The filter menus' desks and tags, by the desktop's own ListQueries.facets (which reads the list table only). */
  facets(scope: 'active' | 'trash'): { desks: string[]; tags: string[] } {
    return new ListQueries({ table: this.table } as ListParts).facets(scope);
  }

  /** One window, as ListQueries.query answers it (the snippet read from the article in memory). */
  query(q: ArticleQuery, viewer: Person, offset: number, limit: number): QueryResult {
    const win = runQuery(q, { table: this.table, people: this.people, role: viewer.role, viewer, permissions: defaultPermissions(), hits: this.search(q.text) }, offset, limit);
    const parsed = parseQuery(q.text);
    const rows = win.ids.map((id) => {
      const summary = this.table.summary(this.table.slot(id)!);
      if (parsed.parts.length === 0) return { summary, headlineMarks: [], snippet: null };
      return { summary, headlineMarks: findMarks(summary.headline, parsed), snippet: buildSnippet(this.articleOf?.(id) ?? this.articles.get(id)!, parsed) };
    });
    return { total: win.total, counts: win.counts, rows, indexing: null };
  }
}
