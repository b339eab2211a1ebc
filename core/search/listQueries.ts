// What the library list asks of the index: the articles of a scope, one window of a query (search,
// filters, order, counts, snippets), every id a query lists, and the desks and tags for the filter
// menus. Read-only: every change to the index and the table goes through the library.
import { readFile } from 'node:fs/promises';
import type { Article, ArticleSummary } from '../../shared/model/article';
import type { ArticleQuery, QueryResult, ResultRow } from '../../shared/search/query';
import { findMarks, parseQuery } from '../../shared/search/tokenize';
import { newestFirst } from '../../shared/time/newestFirst';
import type { ArticleStore } from '../ArticleStore';
import type { PeopleStore } from '../PeopleStore';
import type { ListTable } from './ListTable';
import { runQuery } from './runQuery';
import type { SearchService } from './SearchService';
import { buildSnippet } from './snippet';
import type { PermissionTable } from '../../shared/workflow/transitions';

export interface ListParts {
  store: ArticleStore;
  table: ListTable;
  search: SearchService;
  people: PeopleStore;
  /** The permission table as the settings have it now (who sees others' drafts). */
  permissions(): PermissionTable;
}

export class ListQueries {
  private readonly store: ArticleStore;
  private readonly table: ListTable;
  private readonly search: SearchService;
  private readonly people: PeopleStore;
  private readonly permissions: () => PermissionTable;

  constructor(parts: ListParts) {
    ({ store: this.store, table: this.table, search: this.search, people: this.people, permissions: this.permissions } = parts);
  }

  list(scope: 'active' | 'trash'): ArticleSummary[] {
    const trashed = scope === 'trash' ? 1 : 0;
    const t = this.table;
    const out: ArticleSummary[] = [];
    for (const slot of t.liveSlots()) if (t.trashed[slot] === trashed) out.push(t.summary(slot));
    return out.sort((a, b) => newestFirst(a.updatedAt, b.updatedAt));
  }

  /** One window of the list: search, filters, order, counts; snippets read the shown articles only. */
  async query(q: ArticleQuery, actorId: string, offset: number, limit: number): Promise<Omit<QueryResult, 'indexing'>> {
    const win = await this.runQuery(q, actorId, offset, limit);
    const parsed = parseQuery(q.text);
    const searching = parsed.parts.length > 0;
    const rows: ResultRow[] = await Promise.all(
      win.ids.map(async (id) => {
        const summary = this.table.summary(this.table.slot(id)!);
        if (!searching) return { summary, headlineMarks: [], snippet: null };
        return { summary, headlineMarks: findMarks(summary.headline, parsed), snippet: await this.snippet(id, parsed) };
      }),
    );
    return { total: win.total, counts: win.counts, rows };
  }

  /**
   * The passage to show under a search result. Read without the full check an article gets
   * when opened (that costs more than the read): only the text is used, and anything
   * unexpected just means no snippet.
   */
  private async snippet(id: string, parsed: ReturnType<typeof parseQuery>): Promise<ResultRow['snippet']> {
    try {
      return buildSnippet(JSON.parse(await readFile(this.store.pathOf(id), 'utf8')) as Article, parsed);
    } catch {
      return null;
    }
  }

  /** Every id a query lists, in order, up to `max`. */
  async queryIds(q: ArticleQuery, actorId: string, max: number): Promise<{ ids: string[]; total: number }> {
    const win = await this.runQuery(q, actorId, 0, max);
    return { ids: win.ids, total: win.total };
  }

  /** The search hits come from the index's own thread, after every change posted before this query. */
  private async runQuery(q: ArticleQuery, actorId: string, offset: number, limit: number) {
    const person = this.people.actor(actorId);
    const hits = parseQuery(q.text).parts.length > 0 ? await this.search.search(q.text, this.table.slotCount) : null;
    return runQuery(q, { table: this.table, people: this.people.list(), role: person.role, viewer: person, permissions: this.permissions(), hits }, offset, limit);
  }

  /** Desks and tags in use in a scope, sorted, for the filter menus. */
  facets(scope: 'active' | 'trash'): { desks: string[]; tags: string[] } {
    const desks = new Set<string>();
    const tags = new Set<string>();
    const t = this.table;
    const trashed = scope === 'trash' ? 1 : 0;
    for (const slot of t.liveSlots()) {
      if (t.trashed[slot] !== trashed) continue;
      const desk = t.deskName(slot);
      if (desk) desks.add(desk);
      for (const tag of t.tags(slot) ?? []) tags.add(tag);
    }
    const collator = new Intl.Collator(['ko', 'en']);
    return { desks: [...desks].sort(collator.compare), tags: [...tags].sort(collator.compare) };
  }

  /** What the list knows about an article, without reading its file; null if there is no such article. */
  summaryOf(id: string): ArticleSummary | null {
    const slot = this.table.slot(id);
    return slot === undefined ? null : this.table.summary(slot);
  }

  /** Every article, in the trash too. */
  get storyCount(): number {
    let n = 0;
    for (const _slot of this.table.liveSlots()) n++;
    return n;
  }

  get activeCount(): number {
    let n = 0;
    for (const slot of this.table.liveSlots()) if (this.table.trashed[slot] === 0) n++;
    return n;
  }
}
