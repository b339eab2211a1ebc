// The newsroom's articles: every change is one transaction that locks the story's row, reads it,
// asks the shared step rules (shared/workflow/steps.ts) what it becomes for the signed-in person,
// and writes the article, its version and its audit entry together. The access gate has decided
// the request before any of this runs (contractRoutes.ts); the steps repeat the checks that need
// the whole article (revision, state, checklist, embargo) on the copy as it is now.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ArticleSchema, contentOf, type Body, type Article, type ArticleContent, type ArticleSummary, type Language } from '../../shared/model/article';
import { ApiError } from '../../shared/contract/errors';
import type { LiveMeta } from '../../shared/live/articleFields';
import type { AuditEntry, VersionKind } from '../../shared/model/history';
import type { Person } from '../../shared/model/person';
import type { Settings } from '../../shared/model/settings';
import { normaliseBody } from '../../shared/body/normaliseBody';
import { assertCanEdit, type TransitionRequest } from '../../shared/workflow/decide';
import { auditEntry, isUntouched, newArticle, restoredVersion, savedArticle, steppedArticle, trashMove } from '../../shared/workflow/steps';
import { inTheTrash, refuseEmptyTrash } from '../../shared/workflow/trash';
import { maySee } from '../../shared/workflow/visibility';
import { summarise } from '../../core/articleSummary';
import type { Database, Queryable } from '../db/Database';
import { readSettings } from '../settings/settingsTable';
import { deleteArticle, readArticle, writeArticle } from './articleRows';
import type { LiveEvent } from '../live/LiveHub';
import { hasAudit, historyOf, insertAudit, recordVersion, versionOf } from './historyRows';

/** Whether this person may see this story (a draft is its reporters' and the desk's; see visibility.ts). */
export function visibleTo(settings: Settings, person: Person, s: ArticleSummary): boolean {
  return maySee(settings.workflow.permissions, person, { status: s.status, ownerId: s.ownerId, bylineNames: s.byline.reporters.map((r) => r.name) });
}

export interface ArticleHooks {
  /** Inside each write's transaction, with the article as written (the search index keeps up in the same commit). */
  onWrite?(tx: Queryable, article: Article): Promise<void>;
  /** Inside the transaction that deletes a story for good. */
  onRemove?(tx: Queryable, id: string): Promise<void>;
  /** After a change has committed (the live channel tells the clients). */
  committed?(event: LiveEvent): void;
  /** The story's live document (server/collab/), when the server has them. */
  live?: LiveContent;
}

/**
 * A story being edited live keeps its body and the fields beside it in a Yjs document
 * (server/collab/); the article row holds a copy of them, written on a debounce, when the document
 * loads and unloads, and at every step. A save of such a story is refused (`liveStory`): it would
 * write fields the next copy overrides.
 */
export interface LiveContent {
  /**
   * The body and fields as the open live document has stored them, read in `tx` with its epoch row
   * locked (no update lands meanwhile) unless `lock` is false; a field it holds unreadable reads as
   * `fallback`'s (the row's). Null when none is open.
   */
  contentOf(tx: Queryable, id: string, fallback: LiveMeta, lock?: boolean): Promise<{ body: Body; meta: LiveMeta } | null>;
  /** Closes the open live document in `tx` (only if it is epoch `only`, when given): the next one starts from the article as written. The epoch closed, or null when none was open. */
  closeEpoch(tx: Queryable, id: string, only?: number): Promise<number | null>;
  /** After a commit that closed epoch `epoch`: its connections are closed so the clients reload. */
  epochClosed(id: string, epoch: number): void;
}

/** Steps after which the live document starts again from the copy as it now is. */
const CLOSES_EPOCH: ReadonlySet<string> = new Set(['approve', 'correct']);

/** One transaction and what it changed, told to the clients once it has committed (never before). */
interface Unit {
  tx: Queryable;
  events: LiveEvent[];
}

export class ArticleService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly hooks: ArticleHooks = {},
  ) {}

  private async unit<T>(work: (u: Unit) => Promise<T>): Promise<T> {
    const events: LiveEvent[] = [];
    const result = await this.db.transaction((tx) => work({ tx, events }));
    for (const event of events) this.hooks.committed?.(event);
    return result;
  }

  /** Stores the article row (no version): every write of a story passes here. */
  private async put(u: Unit, article: Article): Promise<void> {
    await writeArticle(u.tx, article);
    await this.hooks.onWrite?.(u.tx, article);
    u.events.push({ type: 'article', summary: summarise(article) });
  }

  private async remove(u: Unit, id: string): Promise<void> {
    await deleteArticle(u.tx, id);
    await this.hooks.onRemove?.(u.tx, id);
    u.events.push({ type: 'removed', id });
  }

  settings(): Promise<Settings> {
    return readSettings(this.db);
  }

  /** Writes the article and its version: the one place a body is fitted to the schema on the server. */
  private async commit(u: Unit, draft: Article, kind: VersionKind, person: Person, audit?: AuditEntry): Promise<Article> {
    const article = { ...draft, body: normaliseBody(draft.body).body };
    // One transaction: the row first (the version refers to it), both or neither committed.
    await this.put(u, article);
    await recordVersion(u.tx, article, kind, person, this.now());
    if (audit) await insertAudit(u.tx, article.id, audit);
    return article;
  }

  /** Runs `change` on the locked, current copy of one story, with the settings as they are in the same transaction. */
  private change<T>(id: string, change: (u: Unit, current: Article, settings: Settings) => Promise<T>): Promise<T> {
    return this.unit(async (u) => {
      const current = await readArticle(u.tx, id, true);
      return change(u, current, await readSettings(u.tx));
    });
  }

  /** The story with its open live document's body and fields (stored, its epoch row locked in `u` unless `lock` is false), or null when none is open. */
  private async live(u: Unit, current: Article, lock = true): Promise<Article | null> {
    const { body: _body, ...meta } = contentOf(current);
    const live = await this.hooks.live?.contentOf(u.tx, current.id, meta, lock);
    return live ? { ...current, ...live.meta, body: live.body } : null;
  }

  async create(person: Person, language?: Language, content?: ArticleContent): Promise<Article> {
    const settings = await this.settings();
    const article = newArticle(randomUUID(), person, settings, this.now(), { language, content });
    return this.unit((u) => this.commit(u, article, 'create', person));
  }

  get(id: string): Promise<Article> {
    return readArticle(this.db, id);
  }

  save(person: Person, id: string, baseRevision: number, content: ArticleContent): Promise<{ revision: number; updatedAt: string }> {
    return this.change(id, async (u, current, settings) => {
      // While the story is live its fields and body are the live document's: what a save wrote
      // would be overridden by the next copy of it (lost without a word), so none is taken.
      if (await this.live(u, current)) throw new ApiError('forbidden', `article ${id} is being edited live: its fields and body change through its live document`, { reason: 'liveStory' });
      const next = savedArticle(current, baseRevision, content, person, settings, this.now());
      if (!next) return { revision: current.revision, updatedAt: current.updatedAt };
      const saved = await this.commit(u, next.article, 'save', person, next.audit ?? undefined);
      return { revision: saved.revision, updatedAt: saved.updatedAt };
    });
  }

  async transition(person: Person, id: string, req: TransitionRequest): Promise<Article> {
    let closed: number | null = null;
    // The server's clock decides embargoes: `now` here, never a time the client sends.
    const stepped = await this.change(id, async (u, current, settings) => {
      // The step's version holds the body and fields as stored live at this moment (its epoch row
      // stays locked to the commit, so no update slips in between).
      const live = await this.live(u, current);
      const { article, audit } = steppedArticle(live ?? current, person, req, settings, this.now());
      if (CLOSES_EPOCH.has(req.action)) closed = (await this.hooks.live?.closeEpoch(u.tx, id)) ?? null;
      return this.commit(u, article, 'transition', person, audit);
    });
    if (closed !== null) this.hooks.live?.epochClosed(id, closed);
    return stepped;
  }

  async restoreVersion(person: Person, id: string, seq: number, baseRevision: number): Promise<Article> {
    let closed: number | null = null;
    const restored = await this.change(id, async (u, current, settings) => {
      const { article, audit } = restoredVersion(current, await versionOf(u.tx, id, seq), seq, baseRevision, person, settings, this.now());
      closed = (await this.hooks.live?.closeEpoch(u.tx, id)) ?? null;
      return this.commit(u, article, 'restore', person, audit);
    });
    if (closed !== null) this.hooks.live?.epochClosed(id, closed);
    return restored;
  }

  /**
   * A reporter's late revision taken as `person`'s own edit (server/lateRevisions/): `claim` runs
   * first on the locked story, marks the late revision taken (refusing one already decided) and
   * gives its copy. Only while `person` may edit the story as it is now (the gate saw it a moment
   * earlier). The body becomes the late one and each field it holds replaces the story's; fields
   * it leaves out stay as stored live, if the story is live, whose document then starts again from
   * this copy, as after a restored version.
   */
  async takeLateRevision(person: Person, id: string, claim: (tx: Queryable, current: Article) => Promise<{ revision: string; copy: Partial<ArticleContent> & { body: Body } }>): Promise<Article> {
    let closed: number | null = null;
    const taken = await this.change(id, async (u, current, settings) => {
      assertCanEdit(current, person, settings);
      const { revision, copy } = await claim(u.tx, current);
      const base = (await this.live(u, current)) ?? current;
      const article = { ...base, ...copy, revision: current.revision + 1, updatedAt: this.now().toISOString() };
      closed = (await this.hooks.live?.closeEpoch(u.tx, id)) ?? null;
      // Kept as a version of its own (never folded into a save of the minute): the copy before it stays in the history.
      return this.commit(u, article, 'restore', person, auditEntry(person, 'lateTaken', current.status, current.status, this.now(), { lateRevision: revision }));
    });
    if (closed !== null) this.hooks.live?.epochClosed(id, closed);
    return taken;
  }

  /**
   * Work beside a story that does not change its copy (its late revisions), in one transaction on
   * its locked row; once committed the clients hear the story changed, so lists of what hangs on it
   * are read again.
   */
  beside<T>(id: string, work: (tx: Queryable, current: Article, settings: Settings) => Promise<T>): Promise<T> {
    return this.change(id, async (u, current, settings) => {
      const result = await work(u.tx, current, settings);
      u.events.push({ type: 'article', summary: summarise(current) });
      return result;
    });
  }

  /**
   * Copies the live document's stored body and fields into the article row (on a debounce and when
   * the document loads and unloads): search, history, export and the part-1 API read it. The
   * revision stays and no version is recorded. Why: the revision counts the saves and steps a
   * client builds on, and live typing is not one of those; a version per debounce would flood the
   * history, and every step records one holding the live copy anyway. False when there was
   * nothing to copy. The epoch row is not locked: the copy is of what is stored at this moment,
   * and a lock held through the merge and the search index would hold up every story's typing
   * (the appends' group commit waits on it). Steps take the article row first, as this does.
   */
  materialise(id: string): Promise<boolean> {
    return this.unit(async (u) => {
      const current = await readArticle(u.tx, id, true).catch(() => null);
      if (!current) return false;
      const live = await this.live(u, current, false);
      if (!live || isDeepStrictEqual(contentOf(live), contentOf(current))) return false;
      await this.put(u, { ...live, updatedAt: this.now().toISOString() });
      return true;
    });
  }

  /**
   * Ends live epoch `epoch` of the story after an update to it was refused (its writer may no
   * longer edit the story): the refused words may already be in memory elsewhere — on the other
   * instances (relayed before the append) and in the clients there — and must never be stored
   * from there. So the row first gets the body and fields as stored, then the epoch closes and
   * every client reloads from that copy (a client's unsent words become a late revision). Nothing
   * when the epoch has ended already. True when it closed.
   */
  async restartLive(id: string, epoch: number): Promise<boolean> {
    const closed = await this.unit(async (u) => {
      const current = await readArticle(u.tx, id, true).catch(() => null);
      if (!current) return null;
      const live = await this.live(u, current);
      if (live && !isDeepStrictEqual(contentOf(live), contentOf(current))) await this.put(u, { ...live, updatedAt: this.now().toISOString() });
      return (await this.hooks.live?.closeEpoch(u.tx, id, epoch)) ?? null;
    });
    if (closed !== null) this.hooks.live?.epochClosed(id, closed);
    return closed !== null;
  }

  /**
   * An embargo set, moved or lifted in a story's live document, by `person` (the connection whose
   * change it was): audited as a save that moved it was. The row takes the value when the
   * document is next copied into it.
   */
  recordLiveEmbargo(person: Person, id: string, embargo: string | null): Promise<void> {
    return this.unit(async (u) => {
      const current = await readArticle(u.tx, id).catch(() => null);
      if (!current) return;
      await insertAudit(u.tx, id, auditEntry(person, 'embargo', current.status, current.status, this.now(), { embargo }));
    });
  }

  setTrashed(person: Person, id: string, into: boolean): Promise<ArticleSummary> {
    return this.change(id, async (u, current, settings) => {
      const { article, audit } = trashMove(current, into, person, settings, this.now());
      // Not an edit: no new version, the revision stays (an open editor's next save still fits).
      await this.put(u, article);
      await insertAudit(u.tx, id, audit);
      return summarise(article);
    });
  }

  async duplicate(person: Person, id: string): Promise<Article> {
    const source = await this.get(id);
    if (source.trashedAt !== null) throw inTheTrash(source);
    return this.create(person, undefined, contentOf(source));
  }

  /** Leaving a new draft nobody touched deletes it for good; anything else stays (false, never an error). */
  async discardUntouched(person: Person, id: string): Promise<boolean> {
    return this.unit(async (u) => {
      const current = await readArticle(u.tx, id, true).catch(() => null);
      if (!current || current.ownerId !== person.id || current.status !== 'draft' || current.trashedAt !== null) return false;
      // Live typing moves no revision and reaches the row only on a debounce: what the live document holds counts.
      const seen = (await this.live(u, current)) ?? current;
      if (!isUntouched(seen, person, await readSettings(u.tx)) || (await hasAudit(u.tx, id))) return false;
      await this.remove(u, id);
      return true;
    });
  }

  async emptyTrash(person: Person): Promise<number> {
    const refusal = refuseEmptyTrash(person.role);
    if (refusal) throw refusal;
    return this.unit(async (u) => {
      const rows = await u.tx.query<{ id: string }>('SELECT id FROM articles WHERE trashed_at IS NOT NULL FOR UPDATE');
      for (const { id } of rows) await this.remove(u, id);
      return rows.length;
    });
  }

  history(id: string) {
    return historyOf(this.db, id);
  }

  version(id: string, seq: number): Promise<Article> {
    return versionOf(this.db, id, seq);
  }

  /** Every summary in a scope, newest first (the list's own queries are server/search). */
  async list(scope: 'active' | 'trash'): Promise<ArticleSummary[]> {
    const rows = await this.db.query<{ content: unknown }>(`SELECT content FROM articles WHERE trashed_at IS ${scope === 'trash' ? 'NOT ' : ''}NULL ORDER BY updated_at DESC`);
    return rows.map((r) => summarise(ArticleSchema.parse(r.content)));
  }
}
