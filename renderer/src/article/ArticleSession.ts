// One open article, for one person: the only thing in the renderer that loads it, saves it, knows
// its current revision and state, and decides which of its fields this person may edit now.
// Every path that changes the article goes through here — autosave, workflow steps, "keep mine" /
// "take theirs", restoring a version — and each hands back the article as the library now has it,
// which the session adopts in place: the body editor is never remounted, so caret and undo stay.
// The backend is injected (today the contract's `call`; later the newsroom server's).
import { withKept, type KeptFinding } from '../../../shared/style/keptFindings';
import { ApiError } from '../../../shared/contract/errors';
import { contentOf, type Article, type ArticleContent, type Body } from '../../../shared/model/article';
import type { Role } from '../../../shared/model/person';
import { canEdit, type PermissionTable, type WorkflowAction } from '../../../shared/workflow/transitions';
import type { SaveStatus } from './saveStatus';
import { UnsavedEditsError } from './unsavedEditsError';

export { UnsavedEditsError, type SaveStatus };

export type Meta = Omit<ArticleContent, 'body'>;

export interface SaveState {
  status: SaveStatus;
  savedAt: string | null;
  error: unknown;
}

/** Why the copy is locked for this person, or null when they may edit it. */
export type LockReason = 'trashed' | 'state' | null;
export interface Lock {
  /** Every content field (headline, body, captions, credits, alt text, note to the desk…) follows this. */
  editable: boolean;
  reason: LockReason;
}

/** The body editor as the session sees it. `setBody` replaces the content in one transaction and must not report it as an edit. */
export interface BodyPort {
  getBody(): Body;
  setBody(body: Body): void;
}

/**
 * The fields of a story open live (renderer/src/article/liveFieldsPort.ts): the story's document
 * holds them and the server stores them, so the session writes changes there and saves nothing.
 */
export interface LiveFieldsPort {
  /** The fields as the document holds them; `fallback` for any it does not (yet). */
  read(fallback: Meta): Meta;
  /** Writes fields changed beside the text (byline, tags, language…); text fields are typed into their own editors. */
  write(patch: Partial<Meta>): void;
  /** Replaces `expected` at `offset` in a line of a text field, where everyone's editor shows it; false when the text there has changed. */
  replaceText(field: 'headline' | 'deck', line: number, offset: number, expected: string, text: string): boolean;
  /** After each change to the fields, this window's or another person's. */
  onChange(listener: () => void): () => void;
  /** Whether this window has changed the document (body or fields) since it was opened. */
  touched(): boolean;
}

export interface StepRequest {
  action: WorkflowAction;
  note: string;
  override: boolean;
}

/** Where the article lives. Every call that changes it returns what the library now holds. */
export interface ArticleBackend {
  load(id: string): Promise<Article>;
  /** A new, empty draft owned by the person at the keyboard. */
  create(language: ArticleContent['language']): Promise<Article>;
  save(id: string, baseRevision: number, content: ArticleContent): Promise<{ revision: number; updatedAt: string }>;
  transition(id: string, step: StepRequest): Promise<Article>;
  restoreVersion(id: string, seq: number, baseRevision: number): Promise<Article>;
  /** Deletes the article if it is a new one nobody touched; the library decides, and answers false otherwise. */
  discardUntouched(id: string): Promise<{ discarded: boolean }>;
}

export interface Rules {
  permissions: PermissionTable;
  role: Role;
}

export interface SessionSnapshot {
  /** The article as the library last reported it (status, revision, last step, corrections…). */
  article: Article | null;
  /** The fields beside the body as on screen (may be ahead of `article` while unsaved). */
  meta: Meta | null;
  save: SaveState;
  lock: Lock;
  loadError: unknown;
  /** A workflow step or restore is under way. */
  busy: boolean;
}

/** Before anything is loaded: nothing to show, nothing editable. */
export const EMPTY_SNAPSHOT: SessionSnapshot = { article: null, meta: null, save: { status: 'saved', savedAt: null, error: null }, lock: { editable: false, reason: 'state' }, loadError: null, busy: false };


export function lockFor(article: Article | null, rules: Rules): Lock {
  if (!article) return { editable: false, reason: 'state' };
  if (article.trashedAt !== null) return { editable: false, reason: 'trashed' };
  if (!canEdit(rules.permissions, rules.role, article.status)) return { editable: false, reason: 'state' };
  return { editable: true, reason: null };
}

function metaOf(article: Article): Meta {
  const { body: _body, ...meta } = contentOf(article);
  return meta;
}

export interface SessionOptions {
  delayMs?: number;
  retryMs?: readonly number[];
}

export class ArticleSession {
  private static opened = 0;
  /** Tells sessions apart: the screen creates one body editor per session, and only one. */
  readonly serial = ++ArticleSession.opened;
  private snap: SessionSnapshot = EMPTY_SNAPSHOT;
  private readonly listeners = new Set<() => void>();
  private body: BodyPort | null = null;
  private live: { port: LiveFieldsPort; stop: () => void } | null = null;
  private revision = 0;
  private dirty = false;
  /** Moves on with every save that lands and every adopted article: a load begun before such a change must not be shown after it. */
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  /** Steps and restores under way: autosave waits for them, so it never saves on a revision they are about to change. */
  private holds = 0;
  private disposed = false;

  constructor(
    readonly id: string,
    private readonly backend: ArticleBackend,
    private rules: Rules,
    private readonly opts: SessionOptions = {},
  ) {}

  // ——— for React (useSyncExternalStore) ———

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snap;

  private set(patch: Partial<SessionSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  private setSave(patch: Partial<SaveState>): void {
    this.set({ save: { ...this.snap.save, ...patch } });
  }

  get status(): SaveStatus {
    return this.snap.save.status;
  }

  // ——— loading and the body editor ———

  async load(): Promise<void> {
    try {
      const article = await this.backend.load(this.id);
      if (this.disposed) return;
      this.revision = article.revision;
      // The live document may have been attached first: its fields are what the story holds now.
      this.set({ article, meta: this.live ? this.live.port.read(metaOf(article)) : metaOf(article), lock: lockFor(article, this.rules), loadError: null, save: { status: 'saved', savedAt: article.updatedAt, error: null } });
    } catch (err) {
      if (!this.disposed) this.set({ loadError: err });
    }
  }

  /** The editor, once created. It starts from `snapshot.article.body` and is kept for the life of the session. */
  attachBody(port: BodyPort | null): void {
    this.body = port;
  }

  /**
   * The story is open live (or no longer, with null): from now on its fields on screen are the
   * document's, changes go into it, and nothing is saved from here — the server stores the
   * document. Edits this window held unsaved from before stay unsaved (the server refuses a save
   * to a live story; leaving asks first).
   */
  attachLive(port: LiveFieldsPort | null): void {
    this.live?.stop();
    this.live = null;
    if (!port) return;
    const follow = () => {
      const meta = this.snap.meta;
      if (!meta || this.disposed) return;
      const next = port.read(meta);
      if (JSON.stringify(next) !== JSON.stringify(meta)) this.set({ meta: next });
    };
    this.live = { port, stop: port.onChange(follow) };
    follow();
  }

  /** Who is at the keyboard and the permission table; the lock follows at once. */
  setRules(rules: Rules): void {
    this.rules = rules;
    const lock = lockFor(this.snap.article, rules);
    if (lock.editable !== this.snap.lock.editable || lock.reason !== this.snap.lock.reason) this.set({ lock });
    this.afterLockChange();
  }

  content(): ArticleContent {
    const article = this.snap.article;
    if (!article || !this.snap.meta) throw new Error('article not loaded');
    return { ...this.snap.meta, body: this.body?.getBody() ?? article.body };
  }

  // ——— edits and autosave ———

  /** Fields beside the body changed. Ignored while the copy is locked: the screen offers no editing then. */
  updateMeta(patch: Partial<Meta>): void {
    if (!this.snap.meta || !this.snap.lock.editable) return;
    this.set({ meta: { ...this.snap.meta, ...patch } });
    if (this.live) this.live.port.write(patch);
    else this.markDirty();
  }

  /** "Keep it here" on a finding: recorded on the article, beside what it already keeps. */
  keepFinding(kept: KeptFinding): void {
    if (this.snap.meta) this.updateMeta({ keptFindings: withKept(this.snap.meta.keptFindings, kept) });
  }

  /**
   * A house-style fix in the headline or a deck line: `expected` at `offset` of line `line` becomes
   * `text`. False (nothing changed) when the copy is locked or the text there is no longer `expected`.
   */
  replaceInField(field: 'headline' | 'deck', line: number, offset: number, expected: string, text: string): boolean {
    const meta = this.snap.meta;
    if (!meta || !this.snap.lock.editable) return false;
    if (this.live) return this.live.port.replaceText(field, line, offset, expected, text);
    const lines = field === 'headline' ? [meta.headline] : meta.deck;
    const current = lines[line];
    if (current === undefined || current.slice(offset, offset + expected.length) !== expected) return false;
    const next = current.slice(0, offset) + text + current.slice(offset + expected.length);
    this.updateMeta(field === 'headline' ? { headline: next } : { deck: lines.map((l, i) => (i === line ? next : l)) });
    return true;
  }

  /** The body changed (the editor reports only real document changes, never its own adoption of one). */
  markDirty(): void {
    if (this.disposed || !this.snap.article || this.live) return;
    this.dirty = true;
    const status = this.snap.save.status;
    if (status === 'conflict' || status === 'readOnly') return; // kept, not saved: the person decides
    if (!this.snap.lock.editable) {
      this.setSave({ status: 'readOnly' });
      return;
    }
    if (status === 'saved') this.setSave({ status: 'dirty' });
    if (status !== 'failed') this.schedule(this.opts.delayMs ?? 500);
  }

  /** Saves now if anything is unsaved and may be saved; resolves when that is on disk or cannot be. */
  async flush(): Promise<void> {
    this.clearTimer();
    for (;;) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (!this.dirty || !this.canSave()) return;
      await this.run();
      if (this.snap.save.status === 'failed') return;
    }
  }

  private canSave(): boolean {
    const status = this.snap.save.status;
    return !this.disposed && this.holds === 0 && this.snap.lock.editable && status !== 'conflict' && status !== 'readOnly';
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (!this.dirty || !this.canSave()) return Promise.resolve();
    this.dirty = false;
    const content = this.content();
    this.setSave({ status: 'saving' });
    this.inFlight = this.backend
      .save(this.id, this.revision, content)
      .then(
        (result) => {
          this.revision = result.revision;
          this.epoch++;
          this.failures = 0;
          const article = this.snap.article!;
          this.set({ article: { ...article, ...content, revision: result.revision, updatedAt: result.updatedAt }, save: { status: this.dirty ? 'dirty' : 'saved', savedAt: result.updatedAt, error: null } });
        },
        (error: unknown) => {
          this.dirty = true; // what failed is still unsaved
          if (error instanceof ApiError && error.code === 'conflict') {
            this.setSave({ status: 'conflict', error });
            return;
          }
          if (error instanceof ApiError && error.code === 'forbidden') {
            // Not "changed elsewhere": this person may not save this copy now. Learn its state so the lock shows why.
            this.setSave({ status: 'readOnly', error });
            void this.refreshState();
            return;
          }
          const retry = this.opts.retryMs ?? [2000, 4000, 8000, 15000, 30000];
          this.setSave({ status: 'failed', error });
          this.schedule(retry[Math.min(this.failures++, retry.length - 1)]);
        },
      )
      .finally(() => {
        this.inFlight = null;
        if (this.dirty && this.snap.save.status === 'dirty') this.schedule(this.opts.delayMs ?? 500);
      });
    return this.inFlight;
  }

  /** After a step or a lock change: edits made meanwhile are saved if they may be, else kept and shown as unsaved. */
  private afterLockChange(): void {
    if (!this.dirty || this.holds > 0) return;
    const status = this.snap.save.status;
    if (status === 'conflict') return;
    if (!this.snap.lock.editable) {
      if (status !== 'readOnly') this.setSave({ status: 'readOnly' });
      return;
    }
    if (status === 'readOnly' || status === 'saved') this.setSave({ status: 'dirty', error: null });
    this.schedule(this.opts.delayMs ?? 500);
  }

  private async refreshState(): Promise<void> {
    try {
      const article = await this.backend.load(this.id);
      // State only: the refused edits stay `readOnly` (no retry loop), and keep the revision they
      // were made on, so a later save over someone else's changes is a conflict, not an overwrite.
      if (!this.disposed) this.set({ article, lock: lockFor(article, this.rules) });
    } catch {
      // The refusal is on screen already; the state catches up on the next load.
    }
  }

  // ——— adopting what the library returns ———

  /**
   * Takes `article` as the library's current copy: its state, revision, last step and corrections,
   * and the lock that follows. With `content`, the fields and the body on screen become its
   * content too (the body in one transaction; an identical body is left alone).
   */
  private adopt(article: Article, opts: { content: boolean }): void {
    this.revision = article.revision;
    this.epoch++;
    const patch: Partial<SessionSnapshot> = { article, lock: lockFor(article, this.rules) };
    if (opts.content) {
      this.dirty = false;
      this.clearTimer();
      patch.meta = this.live ? this.live.port.read(metaOf(article)) : metaOf(article);
      patch.save = { status: 'saved', savedAt: article.updatedAt, error: null };
      this.body?.setBody(article.body);
    }
    this.set(patch);
    if (!opts.content) this.afterLockChange();
  }

  /** Runs `work` with autosave held, after unsaved edits are on disk; a step never leaves edits behind. */
  private async held<T>(work: () => Promise<T>): Promise<T> {
    await this.flush();
    const status = this.snap.save.status;
    if (this.dirty || status === 'conflict' || status === 'failed') throw new UnsavedEditsError(status);
    this.holds++;
    this.clearTimer();
    this.set({ busy: true });
    try {
      return await work();
    } finally {
      this.holds--;
      this.set({ busy: false });
      this.afterLockChange(); // edits typed meanwhile: saved now if they may be (also when the step was refused)
    }
  }

  /**
   * A workflow step: unsaved edits are saved first (a step is refused while they cannot be),
   * then the stepped article is adopted in place. Its content is what was just saved, so the
   * body is left alone (caret, selection and undo kept) unless the library's copy differs; edits
   * typed while the step ran are kept and saved if the copy is still editable.
   */
  async step(step: StepRequest): Promise<Article> {
    let next: Article;
    try {
      next = await this.held(() => this.backend.transition(this.id, step));
    } catch (err) {
      // Refused because the article moved on elsewhere (another window stepped it): the screen
      // catches up with the library instead of showing a state that is no longer true.
      if (err instanceof ApiError && err.code === 'forbidden' && err.params.reason === 'state') await this.catchUp();
      throw err;
    }
    this.adopt(next, { content: !this.dirty });
    return next;
  }

  /**
   * The window is back in front: if the library's copy moved on meanwhile (a step or a save in
   * another window) and nothing here is unsaved or under way, show it. Otherwise leave everything
   * as it is: unsaved edits go through autosave, where a moved-on copy is a conflict.
   */
  async refresh(): Promise<void> {
    if (this.disposed || !this.snap.article || this.dirty || this.inFlight || this.holds > 0 || this.snap.save.status !== 'saved') return;
    const epoch = this.epoch;
    let article: Article;
    try {
      article = await this.backend.load(this.id);
    } catch {
      return; // nothing to show that is not already on screen
    }
    const shown = this.snap.article;
    // A save or a step that landed while this load ran is newer than what it read.
    if (this.disposed || epoch !== this.epoch || this.dirty || this.inFlight || this.holds > 0 || this.snap.save.status !== 'saved') return;
    if (article.revision === this.revision && article.status === shown.status && article.trashedAt === shown.trashedAt) return;
    this.adopt(article, { content: true });
  }

  /**
   * The newsroom says the story changed (`there`: its revision and state on the server). When that
   * is not what this window shows, it catches up as `refresh` does — only with nothing unsaved or
   * under way here; unsaved edits meet the change as a conflict when they are saved. This window's
   * own save or step, echoed back, is what it shows already and loads nothing.
   */
  async changedElsewhere(there: Pick<Article, 'revision' | 'status' | 'trashedAt'>): Promise<void> {
    const shown = this.snap.article;
    if (this.disposed || !shown) return;
    if (there.revision === this.revision && there.status === shown.status && there.trashedAt === shown.trashedAt) return;
    await this.refresh();
  }

  /** Shows the library's copy: content too when nothing here is unsaved, else state only (a later save is then a conflict, never an overwrite). */
  private async catchUp(): Promise<void> {
    if (this.dirty) return this.refreshState();
    const epoch = this.epoch;
    try {
      const article = await this.backend.load(this.id);
      if (this.disposed || epoch !== this.epoch) return;
      if (this.dirty) this.set({ article, lock: lockFor(article, this.rules) });
      else this.adopt(article, { content: true });
    } catch {
      // The refusal is on screen already; the state catches up on the next load.
    }
  }

  /** An earlier version put back as a new one; the screen takes its content (undoable as one edit). */
  async restoreVersion(seq: number): Promise<Article> {
    const next = await this.held(() => this.backend.restoreVersion(this.id, seq, this.revision));
    this.adopt(next, { content: true });
    return next;
  }

  /** Conflict: drop this window's edits and show `theirs`, the library's copy the person has just seen. */
  async takeTheirs(theirs: Article): Promise<void> {
    if (this.disposed) return;
    this.failures = 0;
    this.adopt(theirs, { content: true });
  }

  /** Conflict: save this window's copy over `theirs` (the revision the person has just seen). */
  async keepMine(theirs: Article): Promise<void> {
    if (!lockFor(theirs, this.rules).editable) throw new ApiError('forbidden', 'the copy is read-only now', { reason: 'readOnly', state: theirs.status });
    await this.inFlight;
    this.clearTimer();
    const content = this.content();
    this.dirty = false;
    this.setSave({ status: 'saving', error: null });
    try {
      const result = await this.backend.save(this.id, theirs.revision, content);
      this.revision = result.revision;
      this.epoch++;
      this.set({ article: { ...theirs, ...content, revision: result.revision, updatedAt: result.updatedAt }, lock: lockFor(theirs, this.rules), save: { status: this.dirty ? 'dirty' : 'saved', savedAt: result.updatedAt, error: null } });
      if (this.dirty) this.schedule(this.opts.delayMs ?? 500);
    } catch (err) {
      this.dirty = true;
      this.setSave({ status: err instanceof ApiError && err.code === 'forbidden' ? 'readOnly' : 'conflict', error: err });
      throw err;
    }
  }

  // ——— edits that cannot be saved here ———

  /**
   * Edits this window holds that cannot reach the library as things stand: the copy became
   * read-only, another revision came first, or saves keep failing. Leaving then asks first.
   */
  hasStrandedEdits(): boolean {
    const status = this.snap.save.status;
    return !this.disposed && this.dirty && (status === 'readOnly' || status === 'conflict' || status === 'failed');
  }

  /**
   * Puts this window's copy — exactly what is on screen, the headline marked with `headlineSuffix`
   * so the two stories are told apart — into a new draft of this person, and returns it. The
   * original is not touched; the edits now live in the draft, so nothing here is unsaved any more.
   */
  async saveAsNewDraft(headlineSuffix: string): Promise<Article> {
    this.clearTimer(); // no retry into the original while its edits move to the draft
    await this.inFlight;
    const content = this.content();
    const copy: ArticleContent = { ...content, headline: content.headline ? `${content.headline}${headlineSuffix}` : headlineSuffix.trim() };
    // Taken now, as a save takes its content: what is typed while the draft is made stays unsaved here.
    this.dirty = false;
    let draft: Article;
    let saved: { revision: number; updatedAt: string };
    try {
      draft = await this.backend.create(content.language);
      saved = await this.backend.save(draft.id, draft.revision, copy);
    } catch (err) {
      // Still here, still unsaved: a failing original goes on retrying.
      this.dirty = true;
      if (this.snap.save.status === 'failed') this.schedule(this.opts.delayMs ?? 500);
      throw err;
    }
    this.clearTimer();
    return { ...draft, ...copy, revision: saved.revision, updatedAt: saved.updatedAt };
  }

  /** Leaving without keeping the edits this window could not save (the person chose to). */
  discard(): void {
    this.dirty = false;
    this.clearTimer();
  }

  /**
   * Leaving, after `flush`: a new article this window never saved anything into (still revision 0,
   * nothing pending) is handed to the library to discard, so 새 기사 then back leaves no empty
   * "(제목 없음)" behind. The library makes the real decision (content still the creation default,
   * the owner asking); true when it is gone, and then this session is over.
   */
  async discardIfUntouched(): Promise<boolean> {
    const article = this.snap.article;
    if (this.disposed || !article || this.revision !== 0 || article.status !== 'draft' || article.trashedAt !== null) return false;
    if (this.dirty || this.inFlight || this.holds > 0 || this.snap.save.status !== 'saved') return false;
    // Typed live: the server may not hold it yet, and would find the draft untouched.
    if (this.live?.port.touched()) return false;
    this.clearTimer();
    // Best effort: a draft that cannot be discarded now just stays in the list, as before.
    const { discarded } = await this.backend.discardUntouched(this.id).catch(() => ({ discarded: false }));
    if (discarded) this.dispose();
    return discarded;
  }

  /** Leaving the screen: what is unsaved and may be saved goes to disk first. */
  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    this.dispose();
  }

  dispose(): void {
    this.clearTimer();
    this.attachLive(null);
    this.disposed = true;
    this.listeners.clear();
  }
}
