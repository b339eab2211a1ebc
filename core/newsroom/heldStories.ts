// The stories this machine holds of a newsroom (issue 17, item 1): what an offline search looks
// through when the server cannot be reached. A story opened here is the server's last article
// with what was typed here since over it (its live replica), the story as this machine has it;
// a story only ever seen in the list is its list row, which holds no body, deck or tags: such a
// story matches a search on its headline, kicker and byline only, and no tag filter.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article, ArticleStatus, ArticleSummary } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import { articleText, type FieldText } from '../../shared/search/articleText';
import type { QueryResult } from '../../shared/search/query';
import { indexTerms } from '../../shared/search/tokenize';
import { summarise } from '../articleSummary';
import { FIELD_WEIGHTS } from '../search/SearchIndex';
import type { LiveStories } from './live/LiveStories';
import { REPLICAS_DIR } from './live/replicaLog';
import { ANSWERS_DIR, type OfflineAnswers } from './offlineAnswers';

export interface HeldStory {
  id: string;
  status: ArticleStatus;
  trashed: boolean;
  updatedMs: number;
  createdMs: number;
  headline: string;
  desk: string;
  /** Null when not known here (a story only seen in the list). */
  tags: readonly string[] | null;
  ownerId: string | null;
  reporterNames: readonly string[];
  /** Its searchable text, field by field (for snippets). */
  fields: readonly FieldText[];
  /** Every search term in it, with the weight of the best field it is in (as the index scores). */
  terms: ReadonlyMap<string, number>;
  /** The whole story is here (opened here), not just its list row. */
  full: boolean;
  /** Its list row (worked out for the rows shown only: the 매수 count walks the body). */
  summary(): ArticleSummary;
}

/** What the held stories are read from. */
export type ReplicaCopies = Pick<LiveStories, 'copyOf'>;

interface Cached<T> {
  stamp: string;
  value: T;
}

/**
 * Reads the held stories, keeping what it read: a query reads again only the answers and replicas
 * that changed since the last one (a directory listing and a stat per file).
 */
export class HeldStories {
  private readonly files = new Map<string, Cached<unknown>>();
  private readonly stories = new Map<string, Cached<HeldStory>>();

  constructor(
    private readonly answers: OfflineAnswers,
    private readonly live: ReplicaCopies,
  ) {}

  private reading: Promise<HeldStory[]> | null = null;

  /** Every story held; reads asked for at once (the list's pages, its ids, its menus) share one. */
  all(): Promise<HeldStory[]> {
    this.reading ??= this.collect().finally(() => (this.reading = null));
    return this.reading;
  }

  private async collect(): Promise<HeldStory[]> {
    const [articles, rows, replicas] = await Promise.all([this.keptArticles(), this.keptRows(), this.replicaStamps()]);
    const out: HeldStory[] = [];
    const seen = new Set<string>();
    let read = 0;
    for (const { stamp, article } of articles.values()) {
      const row = rows.get(article.id);
      const replica = replicas.get(article.id) ?? '';
      const key = `${stamp}|${replica}|${row?.stamp ?? ''}`;
      let held = this.stories.get(article.id);
      if (held?.stamp !== key) {
        const copy = replica ? await this.live.copyOf(article.id) : null;
        const story: Article = copy ? { ...article, ...copy.fields, body: copy.body } : article;
        held = { stamp: key, value: fromArticle(newerState(story, row?.summary)) };
        this.stories.set(article.id, held);
        // The first offline search splits every story into terms (about half a millisecond each): let other work in between.
        if (++read % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      out.push(held.value);
      seen.add(article.id);
    }
    for (const [id, row] of rows) {
      if (seen.has(id)) continue;
      let held = this.stories.get(id);
      if (held?.stamp !== row.stamp) {
        held = { stamp: row.stamp, value: fromSummary(row.summary) };
        this.stories.set(id, held);
      }
      out.push(held.value);
      seen.add(id);
    }
    for (const id of this.stories.keys()) if (!seen.has(id)) this.stories.delete(id);
    return out;
  }

  /** The people as the server last listed them (for the reporter filter); none if it never did. */
  async people(): Promise<Person[]> {
    const kept = await this.answers.recall('listPeople', {});
    return Array.isArray(kept?.answer) ? (kept.answer as Person[]) : [];
  }

  /** The parsed answers of a method, read again only when their file changed. */
  private async read(method: 'getArticle' | 'listArticles' | 'queryArticles'): Promise<{ stamp: string; answer: unknown }[]> {
    const out: { stamp: string; answer: unknown }[] = [];
    const files = await this.answers.keptFiles(method);
    // What was read of answers since forgotten (the folder unbound) goes too.
    const listed = new Set(files.map((f) => f.path));
    const dir = join(this.answers.libraryDir, ANSWERS_DIR, method);
    for (const path of this.files.keys()) if (dirname(path) === dir && !listed.has(path)) this.files.delete(path);
    for (const { path, stamp } of files) {
      let cached = this.files.get(path);
      if (cached?.stamp !== stamp) {
        cached = { stamp, value: (await this.answers.recallFile(path))?.answer };
        this.files.set(path, cached);
      }
      out.push({ stamp, answer: cached.value });
    }
    return out;
  }

  private async keptArticles(): Promise<Map<string, { stamp: string; article: Article }>> {
    const out = new Map<string, { stamp: string; article: Article }>();
    for (const { stamp, answer } of await this.read('getArticle')) {
      const article = answer as Article | undefined;
      if (article && typeof article.id === 'string' && article.body) out.set(article.id, { stamp, article });
    }
    return out;
  }

  /** Every story's newest list row, from the remembered list windows and whole lists. */
  private async keptRows(): Promise<Map<string, { stamp: string; summary: ArticleSummary }>> {
    const out = new Map<string, { stamp: string; summary: ArticleSummary }>();
    const note = (summary: ArticleSummary | undefined) => {
      if (!summary || typeof summary.id !== 'string' || typeof summary.updatedAt !== 'string') return;
      const had = out.get(summary.id);
      if (!had || had.summary.updatedAt < summary.updatedAt) out.set(summary.id, { stamp: `${summary.revision}:${summary.updatedAt}:${summary.status}:${summary.trashedAt}`, summary });
    };
    for (const { answer } of await this.read('queryArticles')) for (const row of (answer as QueryResult | undefined)?.rows ?? []) note(row?.summary);
    for (const { answer } of await this.read('listArticles')) if (Array.isArray(answer)) for (const s of answer as ArticleSummary[]) note(s);
    return out;
  }

  /** A stamp per story with a replica here (what was typed offline changes it). */
  private async replicaStamps(): Promise<Map<string, string>> {
    const dir = join(this.answers.libraryDir, REPLICAS_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    const out = new Map<string, string>();
    await Promise.all(
      names
        .filter((n) => n.endsWith('.ylog'))
        .map(async (n) => {
          const s = await stat(join(dir, n)).catch(() => null);
          if (s) out.set(n.slice(0, -'.ylog'.length), `${s.size}:${s.mtimeMs}`);
        }),
    );
    return out;
  }
}

/**
 * The list saw the story after it was opened here (a step on the desk, the trash): its state and
 * dates are the list's; its words stay the article's, the newest this machine has of them.
 */
function newerState(article: Article, row: ArticleSummary | undefined): Article {
  if (!row || row.updatedAt <= article.updatedAt) return article;
  const { status, trashedAt, updatedAt, revision, lastTransition, embargo, ownerId } = row;
  return { ...article, status, trashedAt, updatedAt, revision, lastTransition: lastTransition ?? null, embargo: embargo ?? null, ownerId: ownerId ?? null };
}

function termsOf(fields: readonly FieldText[]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const f of fields) {
    const w = FIELD_WEIGHTS[f.field];
    for (const term of indexTerms(f.text)) if ((terms.get(term) ?? 0) < w) terms.set(term, w);
  }
  return terms;
}

function fromArticle(article: Article): HeldStory {
  const fields = articleText(article);
  let summary: ArticleSummary | null = null;
  return {
    id: article.id,
    status: article.status,
    trashed: article.trashedAt !== null,
    updatedMs: Date.parse(article.updatedAt),
    createdMs: Date.parse(article.createdAt),
    headline: article.headline,
    desk: article.byline.desk,
    tags: article.tags,
    ownerId: article.ownerId ?? null,
    reporterNames: article.byline.reporters.map((r) => r.name),
    fields,
    terms: termsOf(fields),
    full: true,
    summary: () => (summary ??= summarise(article)),
  };
}

/** A story never opened here: its list row has its headline, kicker and byline, not its body, deck or tags. */
function fromSummary(s: ArticleSummary): HeldStory {
  const fields = articleText({ headline: s.headline, kicker: s.kicker, deck: [], byline: s.byline, tags: [], deskNote: '', body: { type: 'doc', content: [] } });
  return {
    id: s.id,
    status: s.status,
    trashed: s.trashedAt !== null,
    updatedMs: Date.parse(s.updatedAt),
    createdMs: Date.parse(s.createdAt),
    headline: s.headline,
    desk: s.byline.desk,
    tags: null,
    ownerId: s.ownerId ?? null,
    reporterNames: s.byline.reporters.map((r) => r.name),
    fields,
    terms: termsOf(fields),
    full: false,
    summary: () => s,
  };
}
