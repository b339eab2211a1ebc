// The library service: articles, their index and the settings in one folder. The main process
// (or the browser host) is the only writer; saves to one article are serialised so two quick
// autosaves can never interleave.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  ARTICLE_SCHEMA_VERSION,
  ArticleIdSchema,
  contentOf,
  emptyContent,
  type Article,
  type ArticleContent,
  type ArticleSummary,
  type Language,
} from '../shared/model/article';
import { ApiError, type Notice } from '../shared/contract/errors';
import type { SettingsPatch, Settings } from '../shared/model/settings';
import { ArticleStore, removeLeftoverTemps } from './ArticleStore';
import { LibraryIndex } from './LibraryIndex';
import { LibraryLock } from './LibraryLock';
import { LibraryMarker } from './libraryMarker';
import { SettingsStore } from './SettingsStore';
import { PhotoStore } from './media/PhotoStore';
import { DEFAULT_MAX_PIXELS } from './media/preparePhoto';
import { photoIdsIn } from '../shared/photos/figures';
import { summarise } from './articleSummary';
import { normaliseBody } from '../shared/body/normaliseBody';
import type { PhotoInfo } from '../shared/model/photo';
import type { ExportFormat } from '../shared/exchange/types';
import type { Person, PersonDraft } from '../shared/model/person';
import type { AuditAction, AuditEntry, VersionKind, VersionMeta } from '../shared/model/history';
import { assertCanEdit, assertReleasable, decideTransition, type TransitionRequest } from '../shared/workflow/decide';
import { mayEmptyTrash, mayRestoreFromTrash, mayTrash } from '../shared/workflow/trash';
import { decideAccess, type AccessContext } from '../shared/workflow/access';
import { HistoryStore } from './HistoryStore';
import { PeopleStore } from './PeopleStore';
import { SearchService } from './search/SearchService';
import { ListTable } from './search/ListTable';
import { runQuery } from './search/runQuery';
import { buildSnippet } from './search/snippet';
import { findMarks, parseQuery } from '../shared/search/tokenize';
import type { ArticleQuery, QueryResult, ResultRow } from '../shared/search/query';

/** Up to this many files are checked against the index while opening; a bigger library checks them in the background. */
const INLINE_CHECK = 5000;

/** How long an imported photo may sit unused before emptying the trash removes it. */
const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

export class Library {
  readonly notices: Notice[] = [];
  private readonly store: ArticleStore;
  private readonly index: LibraryIndex;
  private readonly settings: SettingsStore;
  readonly photos: PhotoStore;
  private readonly people: PeopleStore;
  private readonly history: HistoryStore;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly search: SearchService;
  /** The list as columns, in step with `index.entries` (every change to one goes through `setEntry`/`dropEntry`). */
  private readonly table = new ListTable();
  /** Files still to be checked against the index in the background (a big library), and how far that is. */
  private unchecked: string[] = [];
  private checking: { done: number; total: number } | null = null;
  private background: Promise<void> = Promise.resolve();
  private closing = false;
  private firstQueryServed: (() => void) | null = null;

  private constructor(
    readonly dir: string,
    private readonly lock: LibraryLock,
    private readonly now: () => Date,
    marker: LibraryMarker,
  ) {
    const notify = (n: Notice) => this.notices.push(n);
    this.store = new ArticleStore(dir, notify, now);
    this.index = new LibraryIndex(join(dir, 'index'));
    this.settings = new SettingsStore(dir, notify, now);
    this.photos = new PhotoStore(dir, now);
    this.people = new PeopleStore(dir, notify, now, marker);
    this.history = new HistoryStore(join(dir, 'history'));
    this.search = new SearchService(join(dir, 'index'), {
      eachFingerprint: (visit) => {
        for (const [id, e] of this.index.entries) visit(id, e.size, e.mtimeMs);
      },
      fingerprintOf: (id) => {
        const e = this.index.entries.get(id);
        return e ? { size: e.size, mtimeMs: e.mtimeMs } : null;
      },
      read: (id) => this.store.read(id),
      slotOf: (id) => this.table.slot(id),
    });
  }

  static async open(dir: string, now: () => Date = () => new Date()): Promise<Library> {
    await mkdir(join(dir, 'articles'), { recursive: true });
    await mkdir(join(dir, 'index'), { recursive: true });
    const lock = await LibraryLock.acquire(dir);
    try {
      const marker = await LibraryMarker.open(dir);
      const library = new Library(dir, lock, now, marker);
      await Promise.all([dir, join(dir, 'index')].map((d) => removeLeftoverTemps(d)));
      await library.settings.load();
      await library.people.load();
      await library.loadIndex();
      // Stories with owners were written by people: a library that lost people.json, its copy and
      // the marker all together must not hand the admin role to whoever opens it next.
      if ([...library.index.entries.values()].some((e) => e.summary.ownerId !== null)) await marker.markHadPeople();
      library.background = library.checkInBackground();
      return library;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /**
   * Index from snapshot + journal, then reconciled with the folder: only files that are new,
   * gone, or changed since they were indexed (size or mtime) are read. A big library shows its
   * list at once and checks the files in the background (`indexing` in the library info).
   */
  private async loadIndex(): Promise<void> {
    const healthy = await this.index.load();
    const ids = await this.store.listIds();
    let changed = !healthy;
    // New files first: until they are read, the list does not know them. (One pass; the set of
    // files on disk is only built when some indexed article has no file any more.)
    const unknown: string[] = [];
    const known: string[] = [];
    for (const id of ids) (this.index.entries.has(id) ? known : unknown).push(id);
    if (known.length < this.index.entries.size) {
      const onDisk = new Set(ids);
      for (const id of [...this.index.entries.keys()]) {
        if (!onDisk.has(id)) {
          this.index.entries.delete(id);
          changed = true;
        }
      }
    }
    for (const e of this.index.entries.values()) this.table.set(e.summary, e.tags);
    if (!healthy && ids.length > 0) this.notices.push({ code: 'indexRebuilt', params: { articles: ids.length } });
    if (ids.length <= INLINE_CHECK) {
      for (const id of ids) changed = (await this.check(id)) || changed;
    } else {
      this.unchecked = [...unknown, ...known];
      this.checking = { done: 0, total: this.unchecked.length };
    }
    if (changed || this.index.needsCompaction) await this.index.compact();
  }

  /** Re-reads one file if the index does not know it or it changed on disk; true if the index changed. */
  private async check(id: string): Promise<boolean> {
    const entry = this.index.entries.get(id);
    const now = await this.store.fileStat(id).catch(() => null);
    if (entry && now && entry.size === now.size && entry.mtimeMs === now.mtimeMs && entry.tags !== null && entry.summary.sheets !== null) return false;
    try {
      const article = await this.store.read(id);
      const next = this.entryOf(article, await this.store.fileStat(id));
      this.index.entries.set(id, next);
      this.table.set(next.summary, next.tags);
    } catch {
      this.index.entries.delete(id); // quarantined and reported by the store
      this.table.remove(id);
    }
    return true;
  }

  private entryOf(article: Article, fp: { size: number; mtimeMs: number }) {
    return { summary: summarise(article), photos: photoIdsIn(article.body), tags: article.tags, ...fp };
  }

  /**
   * The background pass: the search index loads while the files of a big library are checked
   * (64 at a time); if that finds files changed outside Copydesk, the search index catches up.
   */
  private async checkInBackground(): Promise<void> {
    // A big library's first screen comes first: the background work waits for the first list
    // query to be answered (or two seconds), so loading the search index does not hold it up.
    if (this.unchecked.length > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        timer.unref();
        this.firstQueryServed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    // Closed before the pass began (the command line's import into a big library): nothing to
    // finish; the files not yet checked are checked at the next open.
    if (this.closing) return;
    this.search.start();
    let changed = false;
    const ids = this.unchecked;
    const total = ids.length;
    for (let i = 0; i < total && !this.closing; i += 64) {
      const batch = ids.slice(i, i + 64);
      const stats = await Promise.all(batch.map((id) => this.store.fileStat(id).catch(() => null)));
      for (let k = 0; k < batch.length; k++) {
        const id = batch[k];
        const entry = this.index.entries.get(id);
        const now = stats[k];
        if (entry && now && entry.size === now.size && entry.mtimeMs === now.mtimeMs && entry.tags !== null && entry.summary.sheets !== null) continue;
        // A save since opening has already put this article right; `check` looks again in its turn.
        changed = (await this.serial(id, () => this.check(id))) || changed;
      }
      this.checking = { done: Math.min(total, i + 64), total };
    }
    this.unchecked = [];
    this.checking = null;
    if (changed && !this.closing) await this.index.compact();
    await this.search.whenReady();
    if (changed && !this.closing) await this.search.catchUp();
  }

  /** How far the background checking and search indexing are; null when both are done. */
  get indexing(): { done: number; total: number } | null {
    return this.checking ?? this.search.progress;
  }

  /** Search index figures (documents, terms, bytes) and what its last start did, for tests and benches. */
  get searchStats() {
    return { ...this.search.stats, lastLoad: this.search.lastLoad };
  }

  /** Resolves when the background checks and the search index are ready (tests, benches, the CLI). */
  async whenIndexed(): Promise<void> {
    await this.background;
  }

  /** Runs `task` after every earlier task for the same article. */
  private serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.queues.set(id, next);
    void next.finally(() => {
      if (this.queues.get(id) === next) this.queues.delete(id);
    }).catch(() => undefined);
    return next;
  }

  private async put(article: Article): Promise<ArticleSummary> {
    await this.store.write(article);
    const entry = this.entryOf(article, await this.store.fileStat(article.id));
    // The article file is safely written: if the journal line cannot be (disk full), the save
    // still stands, and the next start corrects the list from the file's size and time.
    await this.index.put(entry).catch(() => undefined);
    this.table.set(entry.summary, entry.tags);
    this.search.update(article, { size: entry.size, mtimeMs: entry.mtimeMs });
    return entry.summary;
  }

  /**
   * Finds an article the index has not learned yet on disk and learns it: a big library still
   * checking its files in the background, or a file that arrived since opening (sync, a copy).
   * The request naming it is then decided on it rather than refused as not found.
   */
  find(id: string): Promise<void> {
    if (this.index.entries.has(id) || !ArticleIdSchema.safeParse(id).success) return Promise.resolve();
    return this.serial(id, () => this.learn(id));
  }

  /** `find` within the article's queue. */
  private async learn(id: string): Promise<void> {
    if (this.index.entries.has(id)) return;
    const fp = await this.store.fileStat(id).catch(() => null);
    if (!fp) return;
    // A damaged file is quarantined and reported by the store; the article stays unknown.
    const article = await this.store.read(id).catch(() => null);
    if (article?.id !== id) return;
    const entry = this.entryOf(article, await this.store.fileStat(id));
    await this.index.put(entry).catch(() => undefined);
    this.table.set(entry.summary, entry.tags);
    this.search.update(article, { size: entry.size, mtimeMs: entry.mtimeMs });
  }

  private entry(id: string) {
    const entry = this.index.entries.get(id);
    if (!entry) throw new ApiError('notFound', `article ${id} not found`, { id });
    return entry;
  }

  list(scope: 'active' | 'trash'): ArticleSummary[] {
    const trashed = scope === 'trash';
    return [...this.index.entries.values()]
      .map((e) => e.summary)
      .filter((s) => (s.trashedAt !== null) === trashed)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /** One window of the list: search, filters, order, counts; snippets read the shown articles only. */
  async query(q: ArticleQuery, actorId: string, offset: number, limit: number): Promise<QueryResult> {
    const win = this.runQuery(q, actorId, offset, limit);
    const parsed = parseQuery(q.text);
    const searching = parsed.parts.length > 0;
    const rows: ResultRow[] = await Promise.all(
      win.ids.map(async (id) => {
        const summary = this.index.entries.get(id)!.summary;
        if (!searching) return { summary, headlineMarks: [], snippet: null };
        return { summary, headlineMarks: findMarks(summary.headline, parsed), snippet: await this.snippet(id, parsed) };
      }),
    );
    const served = this.firstQueryServed;
    this.firstQueryServed = null;
    if (served) setImmediate(served);
    return { total: win.total, counts: win.counts, rows, indexing: this.indexing };
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
  queryIds(q: ArticleQuery, actorId: string, max: number): { ids: string[]; total: number } {
    const win = this.runQuery(q, actorId, 0, max);
    return { ids: win.ids, total: win.total };
  }

  private runQuery(q: ArticleQuery, actorId: string, offset: number, limit: number) {
    const person = this.people.actor(actorId);
    const hits = parseQuery(q.text).parts.length > 0 ? this.search.search(q.text, this.table.slotCount) : null;
    return runQuery(q, { table: this.table, people: this.people.list(), role: person.role, hits }, offset, limit);
  }

  /** Desks and tags in use in a scope, sorted, for the filter menus. */
  facets(scope: 'active' | 'trash'): { desks: string[]; tags: string[] } {
    const desks = new Set<string>();
    const tags = new Set<string>();
    for (const e of this.index.entries.values()) {
      if ((e.summary.trashedAt !== null) !== (scope === 'trash')) continue;
      if (e.summary.byline.desk) desks.add(e.summary.byline.desk);
      for (const t of e.tags ?? []) tags.add(t);
    }
    const collator = new Intl.Collator(['ko', 'en']);
    return { desks: [...desks].sort(collator.compare), tags: [...tags].sort(collator.compare) };
  }

  /** What the list knows about an article, without reading its file; null if there is no such article. */
  summaryOf(id: string): ArticleSummary | null {
    return this.index.entries.get(id)?.summary ?? null;
  }

  get activeCount(): number {
    let n = 0;
    for (const e of this.index.entries.values()) if (e.summary.trashedAt === null) n++;
    return n;
  }

  async create(actorId: string, language?: Language, content?: ArticleContent, corrections: Article['corrections'] = []): Promise<Article> {
    const person = this.people.actor(actorId);
    const settings = this.settings.value;
    const lang = content?.language ?? language ?? settings.defaultArticleLanguage;
    const at = this.now().toISOString();
    const article: Article = {
      ...this.withHouseTemplate(content ?? this.freshContent(lang, person, settings.outlet)),
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      id: randomUUID(),
      revision: 0,
      createdAt: at,
      updatedAt: at,
      status: 'draft',
      trashedAt: null,
      ownerId: person.id,
      corrections,
      lastTransition: null,
    };
    return this.serial(article.id, () => this.commit(article, 'create', person));
  }

  /**
   * A new story starts with the house's outlet; a reporter's also carries their own byline (name,
   * title, desk, and the e-mail for the sign-off).
   */
  private freshContent(language: Language, person: Person, outlet: string): ArticleContent {
    const empty = emptyContent(language);
    const byline = { ...empty.byline, outlet };
    if (person.role !== 'reporter') return { ...empty, byline };
    const reporter = { name: person.bylineName || person.name, role: person.bylineRole, email: person.email };
    return { ...empty, byline: { ...byline, desk: person.desk, reporters: [reporter] } };
  }

  /** A byline without a template takes the house's default for the article's language. */
  private withHouseTemplate(content: ArticleContent): ArticleContent {
    const templateId = content.byline.templateId || this.settings.value.defaultTemplateIds[content.language];
    return { ...content, byline: { ...content.byline, templateId } };
  }

  /**
   * Deletes a new article nobody has touched, for good, when the person who created it leaves it:
   * never saved (revision 0), still a draft out of the trash, owned by `actorId`, nothing in its
   * audit log (an import or a trip to the trash leaves one), and its content exactly what `create`
   * gives this person now (a byline pre-filled from the person counts as untouched). Anything else
   * is kept and the answer is false, never an error: a save from another window that lands first
   * (same queue) makes it touched. No audit entry: a draft that never held a word existed for no one.
   */
  discardUntouched(id: string, actorId: string): Promise<boolean> {
    return this.serial(id, async () => {
      const person = this.people.actor(actorId);
      const summary = this.index.entries.get(id)?.summary;
      if (!summary || summary.revision !== 0 || summary.status !== 'draft' || summary.trashedAt !== null || summary.ownerId !== person.id) return false;
      const article = await this.store.read(id).catch(() => null);
      if (!article || article.revision !== 0) return false;
      const fresh = this.withHouseTemplate(this.freshContent(article.language, person, this.settings.value.outlet));
      if (!isDeepStrictEqual(contentOf(article), { ...fresh, body: normaliseBody(fresh.body).body })) return false;
      if ((await this.history.read(id)).audit.length > 0) return false;
      await this.removeForGood(id);
      return true;
    });
  }

  /** Deletes one article everywhere it is kept: file, index, list, search and history. Returns the photos it used. Run in its queue. */
  private async removeForGood(id: string): Promise<string[]> {
    const photos = this.index.entries.get(id)?.photos ?? [];
    await this.store.remove(id);
    await this.index.delete(id);
    this.table.remove(id);
    this.search.remove(id);
    await this.history.remove(id);
    return photos;
  }

  async get(id: string): Promise<Article> {
    return this.serial(id, () => this.store.read(id));
  }

  /** Saves new content over revision `baseRevision`; a save based on an older revision is refused. */
  save(id: string, baseRevision: number, content: ArticleContent, actorId: string): Promise<{ revision: number; updatedAt: string }> {
    return this.serial(id, async () => {
      const person = this.people.actor(actorId);
      const summary = this.entry(id).summary;
      this.assertRevision(id, summary.revision, baseRevision);
      const current = await this.store.read(id);
      assertCanEdit(current, person, this.settings.value);
      // A save that changes nothing (typing undone, a second Ctrl+S) writes nothing: no new revision,
      // and no version in the history identical to the one before it.
      if (isDeepStrictEqual(contentOf({ ...current, ...content, body: normaliseBody(content.body).body }), contentOf(current))) {
        return { revision: current.revision, updatedAt: current.updatedAt };
      }
      const article = await this.commit({ ...current, ...content, revision: current.revision + 1, updatedAt: this.now().toISOString() }, 'save', person);
      return { revision: article.revision, updatedAt: article.updatedAt };
    });
  }

  private assertRevision(id: string, current: number, base: number): void {
    if (current !== base) throw new ApiError('conflict', `article ${id} is at revision ${current}, not ${base}`, { id, revision: current });
  }

  /**
   * Writes the article with its version in the history. The version goes first: if either write
   * fails (disk full), nothing of the save is in the article file, its revision has not moved, and
   * the editor's retry fits. (A version left behind by a failed save is replaced by the retry when
   * it coalesces; otherwise it lists a copy that was never saved. The audit log only records steps
   * that happened.)
   */
  private async commit(draft: Article, kind: VersionKind, person: Person): Promise<Article> {
    // Every write of a body passes here (save, create, import, package, restore, backup): the one
    // place it is fitted to the body schema (shared/body). Reads fit it too (ArticleStore), so
    // `put` on an article just read needs no second pass.
    const article = { ...draft, body: normaliseBody(draft.body).body };
    await this.history.record(article, kind, person, this.now());
    await this.put(article);
    return article;
  }

  private audit(id: string, person: Person, action: AuditAction, from: Article['status'], to: Article['status'], extra: Partial<AuditEntry> = {}, durable = true): Promise<void> {
    return this.history.audit(id, { at: this.now().toISOString(), actorId: person.id, actorName: person.name, action, from, to, note: '', overridden: [], ...extra }, durable);
  }

  /**
   * The article as it may leave the library, after the embargo gate (`gate: false` for the
   * internal PDF proof). The export is logged; an override is logged durably with its reason.
   */
  async forExport(id: string, actorId: string, req: Pick<TransitionRequest, 'override' | 'note'>, formats: ExportFormat[], gate: boolean): Promise<Article> {
    const person = this.people.actor(actorId);
    const article = await this.get(id);
    if (article.trashedAt !== null) throw new ApiError('notFound', `article ${id} is in the trash`, { id });
    const overridden = gate ? assertReleasable(article, person, this.settings.value, this.now(), req) : [];
    const note = overridden.length ? req.note.trim() : '';
    await this.audit(id, person, 'export', article.status, article.status, { note, overridden, formats }, overridden.length > 0);
    return article;
  }

  /** A new draft from an imported file; corrections that came with a package travel on. */
  async createImported(actorId: string, content: ArticleContent, source: string, corrections: Article['corrections'] = []): Promise<Article> {
    const created = await this.create(actorId, content.language, content, corrections);
    await this.audit(created.id, this.people.actor(actorId), 'import', 'draft', 'draft', { note: source }, false);
    return created;
  }

  /** A workflow step: the core checks role, state, note, checklist and embargo, then records it. */
  transition(id: string, actorId: string, req: TransitionRequest): Promise<Article> {
    return this.serial(id, async () => {
      const person = this.people.actor(actorId);
      this.entry(id);
      const current = await this.store.read(id);
      const now = this.now();
      const decision = decideTransition(current, person, req, this.settings.value, now);
      const note = req.note.trim();
      const at = now.toISOString();
      const article: Article = {
        ...current,
        status: decision.to,
        corrections: req.action === 'correct' ? [...current.corrections, { at, by: person.name, note }] : current.corrections,
        lastTransition: { action: req.action, actorId: person.id, actorName: person.name, at, note },
      };
      const committed = await this.commit(article, 'transition', person);
      await this.audit(id, person, req.action, current.status, decision.to, { note, overridden: decision.overridden });
      return committed;
    });
  }

  async historyOf(id: string): Promise<{ versions: VersionMeta[]; audit: AuditEntry[] }> {
    this.entry(id);
    return this.history.read(id);
  }

  /**
   * The number History shows for this copy: the newest version holding its revision (a step keeps
   * the revision and adds a version, so the newest one is what History lists on top). Null when
   * no version holds it (a library from before histories).
   */
  async versionHolding(article: Pick<Article, 'id' | 'revision'>): Promise<number | null> {
    const { versions } = await this.historyOf(article.id);
    return versions.find((v) => v.revision === article.revision)?.seq ?? null;
  }

  async version(id: string, seq: number): Promise<Article> {
    this.entry(id);
    return this.history.version(id, seq);
  }

  /** Puts an old version's copy back as a new revision; the versions in between stay in the history. */
  restoreVersion(id: string, seq: number, actorId: string, baseRevision: number): Promise<Article> {
    return this.serial(id, async () => {
      const person = this.people.actor(actorId);
      this.assertRevision(id, this.entry(id).summary.revision, baseRevision);
      const current = await this.store.read(id);
      assertCanEdit(current, person, this.settings.value);
      const old = await this.history.version(id, seq);
      const article = await this.commit({ ...current, ...contentOf(old), revision: current.revision + 1, updatedAt: this.now().toISOString() }, 'restore', person);
      await this.audit(id, person, 'restoreVersion', current.status, current.status, { version: seq });
      return article;
    });
  }

  /**
   * Puts an article from a backup back: over the current copy as a new revision (its history
   * keeps what it replaces), or under its own id again if it is gone from the library.
   */
  restoreFromBackup(article: Article, actorId: string, note: string): Promise<Article> {
    return this.serial(article.id, async () => {
      const person = this.people.actor(actorId);
      await this.learn(article.id);
      const current = this.index.entries.has(article.id) ? await this.store.read(article.id).catch(() => null) : null;
      const at = this.now().toISOString();
      const restored = await this.commit(
        current
          ? { ...current, ...contentOf(article), status: article.status, corrections: article.corrections, trashedAt: null, revision: current.revision + 1, updatedAt: at }
          : { ...article, trashedAt: null, revision: article.revision + 1, updatedAt: at },
        'restore',
        person,
      );
      await this.audit(article.id, person, 'restoreBackup', current?.status ?? article.status, restored.status, { note });
      return restored;
    });
  }

  listPeople(): Person[] {
    return this.people.list();
  }

  savePerson(actorId: string | null, draft: PersonDraft): Promise<Person> {
    return this.people.save(actorId, draft);
  }

  /** A copy starts over as the duplicating person's draft; copy in the trash comes out first. */
  async duplicate(id: string, actorId: string): Promise<Article> {
    const source = await this.get(id);
    if (source.trashedAt !== null) throw new ApiError('forbidden', `article ${id} is in the trash; restore it first`, { reason: 'trashed', state: source.status });
    return this.create(actorId, undefined, contentOf(source));
  }

  /**
   * Into the trash or back out of it (shared/workflow/trash.ts decides who). In the trash an
   * article is read-only: it has to come out before anyone changes it.
   */
  setTrashed(id: string, trashed: boolean, actorId: string): Promise<ArticleSummary> {
    return this.serial(id, async () => {
      const person = this.people.actor(actorId);
      this.entry(id);
      const article = await this.store.read(id);
      const { permissions } = this.settings.value.workflow;
      if ((article.trashedAt !== null) === trashed) {
        throw new ApiError('forbidden', `article ${id} is ${trashed ? 'already' : 'not'} in the trash`, { reason: 'state', action: trashed ? 'trash' : 'untrash', state: trashed ? 'trashed' : article.status });
      }
      const allowed = trashed ? mayTrash(permissions, person, article) : mayRestoreFromTrash(permissions, person, article);
      if (!allowed) throw new ApiError('forbidden', `${person.role} may not ${trashed ? 'trash' : 'restore'} an article that is ${article.status}`, { reason: 'role', action: trashed ? 'trash' : 'untrash', role: person.role });
      // Trashing is not an edit: the revision stays, so an open editor's next save still fits.
      const summary = await this.put({ ...article, trashedAt: trashed ? this.now().toISOString() : null });
      await this.audit(id, person, trashed ? 'trash' : 'untrash', article.status, article.status);
      return summary;
    });
  }

  /** Deletes every trashed article and its history for good: an admin's decision only. */
  async emptyTrash(actorId: string): Promise<number> {
    const person = this.people.actor(actorId);
    if (!mayEmptyTrash(person.role)) throw new ApiError('forbidden', `${person.role} may not empty the trash`, { reason: 'role', action: 'emptyTrash', role: person.role });
    const trashed = this.list('trash');
    const released = new Set<string>();
    for (const s of trashed) {
      await this.serial(s.id, async () => {
        for (const photo of await this.removeForGood(s.id)) released.add(photo);
      });
    }
    // A photo goes only when no article left in the library (trash included) still uses it.
    const stillUsed = new Set([...this.index.entries.values()].flatMap((e) => e.photos));
    for (const photo of released) if (!stillUsed.has(photo)) await this.photos.remove(photo);
    await this.sweepPhotos(stillUsed);
    return trashed.length;
  }

  /**
   * Photos no article uses (added, then removed from the body before any delete) are swept when
   * the trash is emptied — but only a day after import, so a photo just added to an article that
   * has not been saved yet is never taken.
   */
  private async sweepPhotos(used: ReadonlySet<string>): Promise<void> {
    const cutoff = this.now().getTime() - ORPHAN_GRACE_MS;
    for (const id of await this.photos.ids()) {
      if (used.has(id)) continue;
      const info = await this.photos.info(id);
      if (info && Date.parse(info.importedAt) < cutoff) await this.photos.remove(id);
    }
  }

  importPhoto(name: string, bytes: Uint8Array): Promise<{ photo: PhotoInfo; existed: boolean }> {
    const { maxFileMB } = this.settings.value.photos;
    return this.photos.import(name, bytes, { maxBytes: maxFileMB * 1024 * 1024, maxPixels: DEFAULT_MAX_PIXELS });
  }

  async photoInfos(ids: readonly string[]): Promise<PhotoInfo[]> {
    const infos = await Promise.all([...new Set(ids)].map((id) => this.photos.info(id)));
    return infos.filter((i): i is PhotoInfo => i !== null);
  }

  get currentSettings(): Settings {
    return this.settings.value;
  }

  /** Each changed key's section decides who may change it (shared/workflow/access.ts: SETTINGS_SECTIONS). */
  updateSettings(patch: SettingsPatch, actorId: string): Promise<Settings> {
    const refusal = decideAccess('updateSettings', { ...patch, actor: actorId }, this.accessContext());
    if (refusal) return Promise.reject(refusal);
    return this.settings.update(patch);
  }

  /** What the access rules need to know, from the people list, the index and the settings; read at call time. */
  accessContext(): AccessContext {
    return {
      personOf: (id) => this.people.list().find((p) => p.id === id) ?? null,
      articleOf: (id) => {
        const summary = this.index.entries.get(id)?.summary;
        return summary ? { status: summary.status, trashed: summary.trashedAt !== null, ownerId: summary.ownerId } : null;
      },
      permissions: this.settings.value.workflow.permissions,
      people: this.people.census,
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    // The background pass may still be waiting for the first list query (a timer that does not
    // keep the process alive): it must not hold the close.
    this.firstQueryServed?.();
    this.firstQueryServed = null;
    await this.background.catch(() => undefined);
    await Promise.allSettled([...this.queues.values()]);
    await this.search.close();
    if (this.index.hasJournal) await this.index.compact().catch(() => undefined);
    await this.index.close();
    await this.lock.release();
  }
}
