// The library service: articles, their index and the settings in one folder. The main process
// (or the browser host) is the only writer; saves to one article are serialised so two quick
// autosaves can never interleave. This class is the façade the rest of the code calls; the work
// is in IndexReconciler.ts (the index checked against the files at open), search/listQueries.ts
// (the list, its queries and facets), Trash.ts (the trash and the photo sweep), and the rules in
// shared/workflow/.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ArticleIdSchema,
  contentOf,
  type Article,
  type ArticleContent,
  type ArticleSummary,
  type Language,
} from '../shared/model/article';
import { ApiError, type Notice } from '../shared/contract/errors';
import type { SettingsPatch, Settings } from '../shared/model/settings';
import { withImportedSet } from '../shared/model/houseStyle';
import type { RuleSet } from '../shared/style/ruleSchema';
import { ArticleStore } from './ArticleStore';
import { fsyncDir, removeLeftoverTemps } from './atomicWrite';
import { mapLimited, SYNC_CONCURRENCY } from './mapLimited';
import { LibraryIndex } from './LibraryIndex';
import { LibraryLock } from './LibraryLock';
import { LibraryMarker } from './libraryMarker';
import { SettingsStore } from './SettingsStore';
import { PhotoStore } from './media/PhotoStore';
import { DEFAULT_MAX_PIXELS } from './media/preparePhoto';
import { normaliseBody } from '../shared/body/normaliseBody';
import type { PhotoInfo } from '../shared/model/photo';
import type { ExportFormat } from '../shared/exchange/types';
import type { Person, PersonDraft } from '../shared/model/person';
import type { AuditAction, AuditEntry, VersionKind, VersionMeta } from '../shared/model/history';
import { assertReleasable, type TransitionRequest } from '../shared/workflow/decide';
import { assertRevision, auditEntry, isUntouched, newArticle, restoredVersion, savedArticle, steppedArticle } from '../shared/workflow/steps';
import { inTheTrash } from '../shared/workflow/trash';
import { mayDiscardUntouched } from '../shared/workflow/discard';
import { maySee } from '../shared/workflow/visibility';
import { decideAccess, type AccessContext } from '../shared/workflow/access';
import { HistoryStore } from './HistoryStore';
import { PeopleStore } from './PeopleStore';
import { SearchService } from './search/SearchService';
import { ListTable, STATUS_CODES } from './search/ListTable';
import { ListQueries } from './search/listQueries';
import type { ArticleQuery, QueryResult } from '../shared/search/query';
import { entryOf, IndexReconciler } from './IndexReconciler';
import { Trash } from './Trash';

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
  /** The list as columns: the one holder of every article's index entry (`index.entries` is a view of it). */
  private readonly table = new ListTable();
  private readonly reconciler: IndexReconciler;
  private readonly lists: ListQueries;
  private readonly trash: Trash;
  private background: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly lock: LibraryLock,
    private readonly now: () => Date,
    marker: LibraryMarker,
  ) {
    const notify = (n: Notice) => this.notices.push(n);
    this.store = new ArticleStore(dir, notify, now);
    this.index = new LibraryIndex(join(dir, 'index'), this.table);
    this.settings = new SettingsStore(dir, notify, now);
    this.photos = new PhotoStore(dir, now);
    this.people = new PeopleStore(dir, notify, now, marker);
    this.history = new HistoryStore(join(dir, 'history'));
    this.search = new SearchService(join(dir, 'index'), {
      eachFingerprint: (visit) => {
        for (const slot of this.table.liveSlots()) {
          const fp = this.table.fingerprint(slot);
          visit(this.table.id(slot)!, fp.size, fp.mtimeMs);
        }
      },
      fingerprintOf: (id) => {
        const slot = this.table.slot(id);
        return slot === undefined ? null : this.table.fingerprint(slot);
      },
      read: (id) => this.store.read(id),
      slotOf: (id) => this.table.slot(id),
    });
    const serial = <T>(id: string, task: () => Promise<T>) => this.serial(id, task);
    this.reconciler = new IndexReconciler({ store: this.store, index: this.index, table: this.table, search: this.search, notices: this.notices, serial });
    this.lists = new ListQueries({ store: this.store, table: this.table, search: this.search, people: this.people, permissions: () => this.settings.value.workflow.permissions });
    this.trash = new Trash({
      store: this.store,
      index: this.index,
      table: this.table,
      search: this.search,
      people: this.people,
      settings: this.settings,
      history: this.history,
      photos: this.photos,
      now,
      entry: (id) => this.entry(id),
      serial,
      put: (article) => this.put(article),
      trashed: () => this.list('trash'),
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
      await library.reconciler.loadIndex();
      // Stories with owners were written by people: a library that lost people.json, its copy and
      // the marker all together must not hand the admin role to whoever opens it next.
      if ([...library.table.liveSlots()].some((slot) => library.table.ownerId(slot) !== null)) await marker.markHadPeople();
      library.background = library.reconciler.checkInBackground();
      return library;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /** How far the background checking and search indexing are; null when both are done. */
  get indexing(): { done: number; total: number } | null {
    return this.reconciler.indexing;
  }

  /**
   * Search index figures (documents, terms, bytes, as of the index's last answer: `whenIndexed`
   * brings them up to date), whether its worker had to be restarted or it runs in this thread,
   * and what its last start did, for tests and benches.
   */
  get searchStats() {
    return { ...this.search.stats, lastLoad: this.search.lastLoad };
  }

  /** Tests: the search worker, to stop it as a crash would. */
  get searchThreadProbe() {
    return this.search.threadProbe;
  }

  /** Resolves when the background checks and the search index are ready, every change so far in it (tests, benches, the CLI). */
  async whenIndexed(): Promise<void> {
    await this.background;
    await this.search.whenReady();
    await this.search.settled();
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
    const entry = entryOf(article, await this.store.write(article));
    // The article file is safely written: if the journal line cannot be (disk full), the save
    // still stands, and the next start corrects the list from the file's size and time.
    // The index's entries are the table's rows: this puts the row in the list too.
    await this.index.put(entry).catch(() => undefined);
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
    return this.serial(id, async () => void (await this.reconciler.learn(id)));
  }

  private entry(id: string) {
    const entry = this.index.entries.get(id);
    if (!entry) throw new ApiError('notFound', `article ${id} not found`, { id });
    return entry;
  }

  /** Every summary in a scope; for `viewerId`, without the drafts that person may not see (visibility.ts). */
  list(scope: 'active' | 'trash', viewerId?: string): ArticleSummary[] {
    const all = this.lists.list(scope);
    if (viewerId === undefined) return all;
    const viewer = this.people.actor(viewerId);
    const { permissions } = this.settings.value.workflow;
    return all.filter((s) => maySee(permissions, viewer, { status: s.status, ownerId: s.ownerId, bylineNames: s.byline.reporters.map((r) => r.name) }));
  }

  /** One window of the list: search, filters, order, counts; snippets read the shown articles only. */
  async query(q: ArticleQuery, actorId: string, offset: number, limit: number): Promise<QueryResult> {
    // How far indexing was when the query was asked: the hits come from the index's own thread,
    // and reflect what had been sent to it by then, not what arrived while it answered.
    const indexing = this.indexing;
    const result = await this.lists.query(q, actorId, offset, limit);
    this.reconciler.queryServed();
    return { ...result, indexing };
  }

  /** Every id a query lists, in order, up to `max`. */
  queryIds(q: ArticleQuery, actorId: string, max: number): Promise<{ ids: string[]; total: number }> {
    return this.lists.queryIds(q, actorId, max);
  }

  /** Desks and tags in use in a scope, sorted, for the filter menus. */
  facets(scope: 'active' | 'trash'): { desks: string[]; tags: string[] } {
    return this.lists.facets(scope);
  }

  /** What the list knows about an article, without reading its file; null if there is no such article. */
  summaryOf(id: string): ArticleSummary | null {
    return this.lists.summaryOf(id);
  }

  get activeCount(): number {
    return this.lists.activeCount;
  }

  /** Articles in the library, in the trash too. */
  get storyCount(): number {
    return this.lists.storyCount;
  }

  async create(actorId: string, language?: Language, content?: ArticleContent, corrections: Article['corrections'] = []): Promise<Article> {
    const person = this.people.actor(actorId);
    const article = newArticle(randomUUID(), person, this.settings.value, this.now(), { language, content, corrections });
    return this.serial(article.id, () => this.commit(article, 'create', person));
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
      if (!summary || !mayDiscardUntouched(summary, person.id)) return false;
      const article = await this.store.read(id).catch(() => null);
      if (!article || !isUntouched(article, person, this.settings.value)) return false;
      if ((await this.history.read(id)).audit.length > 0) return false;
      await this.trash.removeForGood(id);
      return true;
    });
  }

  async get(id: string): Promise<Article> {
    return this.serial(id, () => this.store.read(id));
  }

  /** Saves new content over revision `baseRevision`; a save based on an older revision is refused. */
  save(id: string, baseRevision: number, content: ArticleContent, actorId: string): Promise<{ revision: number; updatedAt: string }> {
    return this.serial(id, async () => {
      const person = this.people.actor(actorId);
      this.entry(id);
      // The copy this library last read or wrote, unless the file changed since (then read afresh):
      // autosave after autosave does not read and parse the whole article again. (Who may edit was
      // decided from the list's summary before this call; the copy's own state is checked again.)
      const current = await this.store.current(id);
      // Against the file as it is: the list's revision, unless another process wrote the file since.
      // A save that changes nothing (typing undone, a second Ctrl+S) writes nothing: no new revision,
      // and no version in the history identical to the one before it.
      const next = savedArticle(current, baseRevision, content, person, this.settings.value, this.now());
      if (!next) return { revision: current.revision, updatedAt: current.updatedAt };
      const article = await this.commit(next.article, 'save', person);
      if (next.audit) await this.history.audit(id, next.audit);
      return { revision: article.revision, updatedAt: article.updatedAt };
    });
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
    return this.history.audit(id, auditEntry(person, action, from, to, this.now(), extra), durable);
  }

  /**
   * The article as it may leave the library, after the embargo gate (`gate: false` for the
   * internal PDF proof). The export is logged; an override is logged durably with its reason.
   */
  async forExport(id: string, actorId: string, req: Pick<TransitionRequest, 'override' | 'note'>, formats: ExportFormat[], gate: boolean): Promise<Article> {
    const person = this.people.actor(actorId);
    const article = await this.get(id);
    // A draft this person may not see is not theirs to export either: as if it did not exist.
    if (!maySee(this.settings.value.workflow.permissions, person, { status: article.status, ownerId: article.ownerId, bylineNames: article.byline.reporters.map((r) => r.name) })) {
      throw new ApiError('notFound', `article ${id} not found`, { id });
    }
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
      const { article, audit } = steppedArticle(current, person, req, this.settings.value, this.now());
      const committed = await this.commit(article, 'transition', person);
      await this.history.audit(id, audit);
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
      assertRevision(id, this.entry(id).summary.revision, baseRevision);
      const current = await this.store.read(id);
      const { article, audit } = restoredVersion(current, await this.history.version(id, seq), seq, baseRevision, person, this.settings.value, this.now());
      const committed = await this.commit(article, 'restore', person);
      await this.history.audit(id, audit);
      return committed;
    });
  }

  /**
   * Puts an article from a backup back: over the current copy as a new revision (its history
   * keeps what it replaces), or under its own id again if it is gone from the library.
   */
  restoreFromBackup(article: Article, actorId: string, note: string): Promise<Article> {
    return this.serial(article.id, async () => {
      const person = this.people.actor(actorId);
      const { current } = await this.currentForRestore(article.id);
      const restored = await this.commit(this.restoredCopy(article, current), 'restore', person);
      await this.audit(article.id, person, 'restoreBackup', current?.status ?? article.status, restored.status, { note });
      return restored;
    });
  }

  /** The article as it is now, if any; `onDisk` false when no file of it is there (nothing to keep a last good copy of). */
  private async currentForRestore(id: string): Promise<{ current: Article | null; onDisk: boolean }> {
    const onDisk = await this.reconciler.learn(id); // an article on disk the index has not learned yet is restored over, not beside
    return { current: this.index.entries.has(id) ? await this.store.read(id).catch(() => null) : null, onDisk };
  }

  private restoredCopy(article: Article, current: Article | null): Article {
    const at = this.now().toISOString();
    return current
      ? { ...current, ...contentOf(article), status: article.status, corrections: article.corrections, trashedAt: null, revision: current.revision + 1, updatedAt: at }
      : { ...article, trashedAt: null, revision: article.revision + 1, updatedAt: at };
  }

  /**
   * `restoreFromBackup` for many articles at once (a whole-library restore, an archive import):
   * the same files in the same order — every version, then every article file, then their index
   * lines in one append, then the audit lines — each kind written side by side and flushed
   * together instead of one fsync after another, with the articles' save queues held until all
   * is done. An article with no history yet (an archive imported into a new library) starts it
   * with one file, the version holding its audit entry (HistoryStore.startWith). A crash midway
   * leaves each article as `restoreFromBackup` would: a version without its article, or an
   * article without its index line (the index is corrected from the files at the next open).
   * One result per article, in order: the restored copy or why it failed.
   */
  async restoreManyFromBackup(articles: readonly Article[], actorId: string, note: string): Promise<(Article | Error)[]> {
    const person = this.people.actor(actorId);
    const ids = articles.map((a) => a.id);
    if (new Set(ids).size !== ids.length) {
      // The same article twice: one after the other, as the single restore does it.
      return mapLimited(articles, 1, (a) => this.restoreFromBackup(a, actorId, note).catch((err: Error) => err));
    }
    return this.serialMany(ids, async () => {
      const out: (Article | Error)[] = new Array(articles.length);
      const ok = (i: number) => !(out[i] instanceof Error);
      // One step for every article still standing; a failure is that article's result and ends its restore.
      const step = <T>(work: (i: number) => Promise<T>) => (_: unknown, i: number) => (ok(i) ? work(i).catch((err: Error) => void (out[i] = err)) : Promise.resolve(undefined));
      const from: Article['status'][] = [];
      const copies: Article[] = [];
      /** Whose file is not there yet (an archive imported into a new library): no last good copy to keep. */
      const fresh: boolean[] = [];
      /** Whose audit entry went into the version that started their history. */
      const audited: boolean[] = [];
      await mapLimited(articles, SYNC_CONCURRENCY, async (article, i) => {
        const { current, onDisk } = await this.currentForRestore(article.id);
        fresh[i] = !onDisk;
        from[i] = current?.status ?? article.status;
        // As `commit` does: the one place a body is fitted to the schema before it is written.
        const copy = this.restoredCopy(article, current);
        copies[i] = { ...copy, body: normaliseBody(copy.body).body };
      });
      await mapLimited(
        articles,
        SYNC_CONCURRENCY,
        step(async (i) => {
          const entry = auditEntry(person, 'restoreBackup', from[i], copies[i].status, this.now(), { note });
          audited[i] = (await this.history.startWith(copies[i], 'restore', person, this.now(), [entry], { syncDir: false })) !== null;
          if (!audited[i]) await this.history.record(copies[i], 'restore', person, this.now(), { syncDir: false });
        }),
      );
      await this.history.syncFolders(ids).catch((err: Error) => out.fill(err));
      // The write's own fingerprint of the new file: no second stat.
      const files = await mapLimited(articles, SYNC_CONCURRENCY, step((i) => this.store.write(copies[i], { syncDir: false, fresh: fresh[i] })));
      await fsyncDir(this.store.dir).catch((err: Error) => out.fill(err));
      const entries = articles.map((_, i) => {
        if (!ok(i) || !files[i]) return undefined;
        try {
          return entryOf(copies[i], files[i]);
        } catch (err) {
          out[i] = err as Error;
          return undefined;
        }
      });
      const written = entries.flatMap((e, i) => (e && ok(i) ? [e] : []));
      // As `put`: the files are safely written; a journal that cannot take the lines is corrected at the next open.
      // The index's entries are the table's rows, so this puts the rows in the list too.
      await this.index.putMany(written).catch(() => undefined);
      for (const [i, entry] of entries.entries()) {
        if (!entry || !ok(i)) continue;
        this.search.update(copies[i], { size: entry.size, mtimeMs: entry.mtimeMs });
        out[i] = copies[i];
      }
      await mapLimited(articles, SYNC_CONCURRENCY, step((i) => (audited[i] ? Promise.resolve() : this.audit(ids[i], person, 'restoreBackup', from[i], copies[i].status, { note }))));
      return out;
    });
  }

  /** Runs `task` once every earlier task for each of `ids` is done, holding their queues until it ends. */
  private serialMany<T>(ids: readonly string[], task: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    // Every queue is joined at once, so two batches sharing articles always meet in the same order.
    const held = ids.map((id) => new Promise<void>((acquired) => void this.serial(id, () => (acquired(), done))));
    return Promise.all(held)
      .then(task)
      .finally(release);
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
    if (source.trashedAt !== null) throw inTheTrash(source);
    return this.create(actorId, undefined, contentOf(source));
  }

  /**
   * Into the trash or back out of it (shared/workflow/trash.ts decides who). In the trash an
   * article is read-only: it has to come out before anyone changes it.
   */
  setTrashed(id: string, trashed: boolean, actorId: string): Promise<ArticleSummary> {
    return this.trash.setTrashed(id, trashed, actorId);
  }

  /** Deletes every trashed article and its history for good, and the photos nothing uses: an admin's decision only. */
  emptyTrash(actorId: string): Promise<number> {
    return this.trash.emptyTrash(actorId);
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
  /** This machine's own settings (MACHINE_SETTINGS) for a folder bound to a newsroom: the core's gate has decided, against the signed-in person. */
  updateMachineSettings(patch: SettingsPatch): Promise<Settings> {
    return this.settings.update(patch);
  }

  updateSettings(patch: SettingsPatch, actorId: string): Promise<Settings> {
    const refusal = decideAccess('updateSettings', { ...patch, actor: actorId }, this.accessContext());
    if (refusal) return Promise.reject(refusal);
    return this.settings.update(patch);
  }

  /**
   * A rule set proven by the caller (core/style/proveRuleSet.ts) becomes the set in force for its
   * language. The admin's, like every house-style change (SETTINGS_SECTIONS.houseStyle).
   */
  importHouseStyle(set: RuleSet, name: string, actorId: string): Promise<Settings> {
    const refusal = decideAccess('importHouseStyle', { actor: actorId }, this.accessContext());
    if (refusal) return Promise.reject(refusal);
    const current = this.settings.value;
    return this.settings.replace({ ...current, houseStyle: withImportedSet(current.houseStyle, set, name, this.now()) });
  }

  /** What the access rules need to know, from the people list, the index and the settings; read at call time. */
  accessContext(): AccessContext {
    return {
      personOf: (id) => this.people.list().find((p) => p.id === id) ?? null,
      articleOf: (id) => {
        const slot = this.table.slot(id);
        if (slot === undefined) return null;
        const bylineNames = this.table.reporters(slot).map((r) => r.name);
        return { status: STATUS_CODES[this.table.status[slot]], trashed: this.table.trashed[slot] === 1, ownerId: this.table.ownerId(slot), bylineNames };
      },
      permissions: this.settings.value.workflow.permissions,
      people: this.people.census,
    };
  }

  async close(): Promise<void> {
    this.reconciler.stop();
    await this.background.catch(() => undefined);
    await Promise.allSettled([...this.queues.values()]);
    await this.search.close();
    if (this.index.hasJournal) await this.index.compact().catch(() => undefined);
    await this.index.close();
    await this.lock.release();
  }
}
