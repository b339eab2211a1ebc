// @vitest-environment jsdom
// The article session: autosave (debounce, one save in flight, retries), a real conflict only on a
// revision mismatch, a refusal as read-only, steps that save first and are adopted into the same
// editor (caret and undo kept), restores adopted as one transaction, and a live lock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { undoDepth } from '@tiptap/pm/history';
import { ApiError } from '../../../shared/contract/errors';
import { contentOf, emptyContent, type Article, type ArticleContent, type Body } from '../../../shared/model/article';
import { defaultPermissions, TRANSITIONS, type WorkflowAction } from '../../../shared/workflow/transitions';
import { bodyExtensions } from '../editor/extensions';
import { ArticleSession, UnsavedEditsError, type ArticleBackend, type Rules } from './ArticleSession';
import { bodyPort, isPersonsEdit } from './bodyPort';
import * as Y from 'yjs';
import { fieldFragment, readFields, writeFields } from '../../../shared/live/articleFields';
import { liveFieldsPort } from './liveFieldsPort';

const REPORTER: Rules = { permissions: defaultPermissions(), role: 'reporter' };
const EDITOR: Rules = { permissions: defaultPermissions(), role: 'editor' };
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const bodyOf = (...texts: string[]): Body => ({ type: 'doc', content: texts.map(para) });

function article(patch: Partial<Article> = {}): Article {
  return {
    ...emptyContent('ko'),
    headline: '제목',
    body: bodyOf('첫 문단'),
    schemaVersion: 3,
    id: 'article-0001',
    revision: 3,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    status: 'draft',
    trashedAt: null,
    ownerId: 'r',
    corrections: [],
    lastTransition: null,
    ...patch,
  };
}

/** A library of one article that behaves like the core: revisions, edit rights by state, steps. */
class FakeLibrary implements ArticleBackend {
  stored: Article;
  saves: { base: number; content: ArticleContent }[] = [];
  constructor(
    initial: Article,
    public rules: Rules,
  ) {
    this.stored = initial;
  }
  load = vi.fn(async () => structuredClone(this.stored));
  /** Drafts created by this person (save as a new draft), by id. */
  drafts = new Map<string, Article>();
  create = vi.fn(async (language: ArticleContent['language']) => {
    const draft = article({ ...emptyContent(language), id: `draft-000${this.drafts.size + 1}`, revision: 0, status: 'draft' });
    this.drafts.set(draft.id, draft);
    return structuredClone(draft);
  });
  save = vi.fn(async (id: string, base: number, content: ArticleContent) => {
    const draft = this.drafts.get(id);
    if (draft) {
      if (base !== draft.revision) throw new ApiError('conflict', 'stale');
      this.drafts.set(id, { ...draft, ...structuredClone(content), revision: base + 1 });
      return { revision: base + 1, updatedAt: new Date().toISOString() };
    }
    this.saves.push({ base, content });
    if (base !== this.stored.revision) throw new ApiError('conflict', 'stale', { revision: this.stored.revision });
    const s = this.stored.status;
    const editable = s === 'draft' || s === 'returned' || (s === 'review' && this.rules.role !== 'reporter');
    if (!editable) throw new ApiError('forbidden', 'read-only', { reason: 'readOnly', state: s });
    this.stored = { ...this.stored, ...structuredClone(content), revision: base + 1, updatedAt: new Date().toISOString() };
    return { revision: this.stored.revision, updatedAt: this.stored.updatedAt };
  });
  transition = vi.fn(async (_id: string, step: { action: WorkflowAction }) => {
    this.stored = { ...this.stored, status: TRANSITIONS[step.action].to, lastTransition: { action: step.action, actorId: 'x', actorName: '이데스크', at: new Date().toISOString(), note: '' } };
    return structuredClone(this.stored);
  });
  /** Discards like the core: only a never-saved article (revision 0). */
  discardUntouched = vi.fn(async () => ({ discarded: this.stored.revision === 0 }));
  restoreVersion = vi.fn(async (_id: string, _seq: number, base: number) => {
    if (base !== this.stored.revision) throw new ApiError('conflict', 'stale');
    this.stored = { ...this.stored, headline: '옛 제목', body: bodyOf('옛 문단'), revision: base + 1 };
    return structuredClone(this.stored);
  });
}

let editors: Editor[] = [];
function editorFor(session: ArticleSession): Editor {
  const editor = new Editor({ extensions: bodyExtensions(''), content: session.getSnapshot().article!.body, editable: session.getSnapshot().lock.editable });
  editor.on('update', ({ transaction }) => {
    if (isPersonsEdit(transaction)) session.markDirty();
  });
  session.attachBody(bodyPort(editor));
  editors.push(editor);
  return editor;
}

async function open(initial: Partial<Article> = {}, rules: Rules = REPORTER) {
  const library = new FakeLibrary(article(initial), rules);
  const session = new ArticleSession('article-0001', library, rules, { delayMs: 500, retryMs: [1000, 2000] });
  await session.load();
  const states: string[] = [];
  let last = session.status;
  session.subscribe(() => {
    if (session.status !== last) states.push((last = session.status));
  });
  return { library, session, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  editors = [];
});
afterEach(() => {
  editors.forEach((e) => e.destroy());
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves once, 500 ms after the last change, on the loaded revision', async () => {
    const { library, session, states } = await open();
    session.updateMeta({ headline: '새 제목' });
    await vi.advanceTimersByTimeAsync(300);
    session.updateMeta({ headline: '새 제목 둘' });
    await vi.advanceTimersByTimeAsync(300);
    expect(library.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(library.save).toHaveBeenCalledTimes(1);
    expect(library.saves[0]).toMatchObject({ base: 3, content: { headline: '새 제목 둘' } });
    expect(states).toEqual(['dirty', 'saving', 'saved']);
    expect(session.getSnapshot().article!.revision).toBe(4);
  });

  it('keeps one save in flight and saves changes made meanwhile on the new revision', async () => {
    const { library, session } = await open();
    let release!: () => void;
    const real = library.save.getMockImplementation()!;
    library.save.mockImplementation((id, base, content) => new Promise((r) => (release = () => r(real(id, base, content)))));
    session.updateMeta({ headline: 'a' });
    await vi.advanceTimersByTimeAsync(500);
    session.updateMeta({ headline: 'b' }); // typed during the save
    await vi.advanceTimersByTimeAsync(2000);
    expect(library.save).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(600);
    expect(library.save).toHaveBeenCalledTimes(2);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(library.saves.map((s) => s.base)).toEqual([3, 4]);
    expect(session.status).toBe('saved');
    expect(library.stored.headline).toBe('b');
  });

  it('retries with backoff after a disk failure and keeps the change unsaved until it succeeds', async () => {
    const { library, session } = await open();
    const real = library.save.getMockImplementation()!;
    library.save.mockRejectedValueOnce(new ApiError('diskFull', 'full')).mockRejectedValueOnce(new ApiError('diskFull', 'full')).mockImplementation(real);
    session.updateMeta({ headline: 'x' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(library.save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(library.save).toHaveBeenCalledTimes(3);
    expect(session.status).toBe('saved');
  });

  it('raises a conflict only when the library has another revision, and then saves nothing more', async () => {
    const { library, session } = await open();
    library.stored = { ...library.stored, headline: '다른 창', revision: 4 }; // another window saved
    session.updateMeta({ headline: '이 창' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('conflict');
    session.updateMeta({ headline: '이 창 둘' });
    await vi.advanceTimersByTimeAsync(60_000);
    await session.flush();
    expect(library.save).toHaveBeenCalledTimes(1);
    expect(library.stored.headline).toBe('다른 창');
  });

  it('treats a refusal (forbidden) as read-only, not as "changed elsewhere", keeps the edits and learns the state', async () => {
    const { library, session } = await open();
    library.stored = { ...library.stored, status: 'sent' }; // sent from another window; same revision
    session.updateMeta({ headline: '보내진 뒤 고침' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('readOnly');
    expect(session.status).not.toBe('conflict');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.getSnapshot().article!.status).toBe('sent');
    expect(session.getSnapshot().lock).toEqual({ editable: false, reason: 'state' });
    expect(session.getSnapshot().meta!.headline).toBe('보내진 뒤 고침'); // not dropped
    await vi.advanceTimersByTimeAsync(60_000);
    expect(library.save).toHaveBeenCalledTimes(1); // and not retried into the same refusal
  });
});

describe('workflow steps', () => {
  it('flush unsaved edits first, then step, and adopt the result into the same editor with caret and undo kept', async () => {
    const { library, session, states } = await open();
    const editor = editorFor(session);
    editor.commands.setTextSelection(3);
    editor.commands.insertContent('새로 ');
    const selection = editor.state.selection.from;
    const undo = undoDepth(editor.state);
    expect(session.status).toBe('dirty');

    const order: string[] = [];
    library.save.mockImplementationOnce(async (...a) => (order.push('save'), library.save.getMockImplementation()!(...a)));
    library.transition.mockImplementationOnce(async (...a) => (order.push('step'), library.transition.getMockImplementation()!(...a)));
    const stepped = await session.step({ action: 'send', note: '', override: false });

    expect(order).toEqual(['save', 'step']);
    expect(library.stored.body).toEqual(editor.getJSON()); // the step went out with the edit on disk
    expect(stepped.status).toBe('sent');
    const snap = session.getSnapshot();
    expect(snap.article!.status).toBe('sent');
    expect(snap.article!.lastTransition!.action).toBe('send');
    expect(snap.lock).toEqual({ editable: false, reason: 'state' });
    // Same editor, same document, caret and undo history where they were.
    expect(editors).toHaveLength(1);
    expect(editor.isDestroyed).toBe(false);
    expect(editor.state.selection.from).toBe(selection);
    expect(undoDepth(editor.state)).toBe(undo);
    // Nothing was saved after the step, and nothing is pending: no false conflict.
    await vi.advanceTimersByTimeAsync(5000);
    expect(library.save).toHaveBeenCalledTimes(1);
    expect(session.status).toBe('saved');
    expect(states).not.toContain('conflict');
    expect(states).not.toContain('readOnly');
  });

  it('making the editor read-only after a step is not an edit (TipTap emits update on setEditable)', async () => {
    const { library, session, states } = await open();
    const editor = editorFor(session);
    await session.step({ action: 'send', note: '', override: false });
    editor.setEditable(session.getSnapshot().lock.editable, false);
    editor.setEditable(true); // even the emitting form carries no document change
    editor.setEditable(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(library.save).not.toHaveBeenCalled();
    expect(states).not.toContain('dirty');
  });

  it('unlocks for the desk at 데스킹 시작, live, and saves the desk’s edits', async () => {
    const { library, session } = await open({ status: 'sent' }, EDITOR);
    expect(session.getSnapshot().lock.editable).toBe(false);
    await session.step({ action: 'review', note: '', override: false });
    expect(session.getSnapshot().lock).toEqual({ editable: true, reason: null });
    session.updateMeta({ headline: '데스크가 고친 제목' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('saved');
    expect(library.stored.headline).toBe('데스크가 고친 제목');
  });

  it('refuses a step while edits cannot be saved, and keeps them', async () => {
    const { library, session } = await open();
    library.stored = { ...library.stored, revision: 9 }; // changed elsewhere
    session.updateMeta({ headline: '내 것' });
    await expect(session.step({ action: 'send', note: '', override: false })).rejects.toBeInstanceOf(UnsavedEditsError);
    expect(library.transition).not.toHaveBeenCalled();
    expect(session.status).toBe('conflict');
    expect(session.getSnapshot().meta!.headline).toBe('내 것');
  });

  it('holds autosave while the step runs; edits typed meanwhile on copy that became read-only are kept, not saved', async () => {
    const { library, session } = await open();
    let release!: () => void;
    const real = library.transition.getMockImplementation()!;
    library.transition.mockImplementationOnce((...a) => new Promise((r) => (release = () => r(real(...a)))));
    const stepping = session.step({ action: 'send', note: '', override: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(session.getSnapshot().busy).toBe(true);
    session.markDirty(); // the body changed while the step was in flight
    await vi.advanceTimersByTimeAsync(2000);
    expect(library.save).not.toHaveBeenCalled();
    release();
    await stepping;
    expect(session.status).toBe('readOnly');
    await vi.advanceTimersByTimeAsync(5000);
    expect(library.save).not.toHaveBeenCalled();
  });

  it('a refused step (checklist) leaves the copy as it was, and edits typed meanwhile are saved', async () => {
    const { library, session } = await open({ status: 'review' }, EDITOR);
    let refuse!: () => void;
    library.transition.mockImplementationOnce(() => new Promise((_, reject) => (refuse = () => reject(new ApiError('checklistFailed', 'missing', { missing: 'headline' })))));
    const stepping = session.step({ action: 'approve', note: '', override: false });
    await vi.advanceTimersByTimeAsync(0);
    session.updateMeta({ headline: '그새 고친 제목' });
    await vi.advanceTimersByTimeAsync(600); // autosave's turn comes while the step holds it
    expect(library.save).not.toHaveBeenCalled();
    refuse();
    await expect(stepping).rejects.toMatchObject({ code: 'checklistFailed' });
    expect(session.getSnapshot()).toMatchObject({ busy: false, lock: { editable: true } });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('saved');
    expect(library.stored.headline).toBe('그새 고친 제목');
  });

  it('a step refused because the article moved on elsewhere shows the library’s copy, in the same editor', async () => {
    const { library, session } = await open({ status: 'sent' }, REPORTER);
    const editor = editorFor(session);
    // Meanwhile, in the desk's window: 데스킹 시작 and an edit.
    library.stored = { ...library.stored, status: 'review', revision: 5, body: bodyOf('첫 문단. 데스크가 고침.'), lastTransition: { action: 'review', actorId: 'e', actorName: '이데스크', at: new Date().toISOString(), note: '' } };
    library.transition.mockImplementationOnce(async () => {
      throw new ApiError('forbidden', 'cannot recall an article that is review', { reason: 'state', action: 'recall', state: 'review' });
    });
    await expect(session.step({ action: 'recall', note: '', override: false })).rejects.toMatchObject({ code: 'forbidden' });
    expect(session.getSnapshot()).toMatchObject({ article: { status: 'review', revision: 5 }, save: { status: 'saved' }, lock: { editable: false } });
    expect(editor.getText()).toBe('첫 문단. 데스크가 고침.');
    expect(editors).toHaveLength(1);
  });
});

describe('back in front', () => {
  it('shows what another window did meanwhile, in the same editor, when nothing here is unsaved', async () => {
    const { library, session } = await open({ status: 'sent' }, REPORTER);
    const editor = editorFor(session);
    await session.refresh();
    expect(library.load).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot().article!.status).toBe('sent'); // nothing moved: left alone
    library.stored = { ...library.stored, status: 'returned', revision: 6, body: bodyOf('데스크가 고친 문단'), lastTransition: { action: 'return', actorId: 'e', actorName: '이데스크', at: new Date().toISOString(), note: '출처를 밝혀 주세요' } };
    await session.refresh();
    expect(session.getSnapshot()).toMatchObject({ article: { status: 'returned', revision: 6 }, lock: { editable: true }, save: { status: 'saved' } });
    expect(editor.getText()).toBe('데스크가 고친 문단');
    expect(editors).toHaveLength(1);
  });

  it('leaves unsaved edits alone (autosave decides: a moved-on copy is a conflict)', async () => {
    const { library, session } = await open();
    editorFor(session);
    session.updateMeta({ headline: '아직 저장 안 된 제목' });
    library.stored = { ...library.stored, headline: '다른 창 제목', revision: 9 };
    await session.refresh();
    expect(session.getSnapshot().meta!.headline).toBe('아직 저장 안 된 제목');
    await vi.advanceTimersByTimeAsync(600);
    expect(session.status).toBe('conflict');
  });

  it('a load begun before a save that lands meanwhile is not shown over it (focus, type, save, then the old copy arrives)', async () => {
    const { library, session } = await open();
    editorFor(session);
    let release!: () => void;
    const old = structuredClone(library.stored);
    library.load.mockImplementationOnce(() => new Promise<Article>((ok) => (release = () => ok(old))));
    const refreshing = session.refresh();
    session.updateMeta({ headline: '방금 고친 제목' });
    await vi.advanceTimersByTimeAsync(600); // autosave lands: revision moves on
    expect(session.status).toBe('saved');
    release();
    await refreshing;
    expect(session.getSnapshot().meta!.headline).toBe('방금 고친 제목');
    expect(session.getSnapshot().article!.revision).toBe(library.stored.revision);
  });
});

describe('changed in the newsroom', () => {
  it('shows another desk’s step and edit at once when nothing here is unsaved, in the same editor', async () => {
    const { library, session } = await open({ status: 'sent' }, REPORTER);
    const editor = editorFor(session);
    library.stored = { ...library.stored, status: 'review', revision: 4, body: bodyOf('데스크가 고치는 중') };
    await session.changedElsewhere(library.stored);
    expect(session.getSnapshot()).toMatchObject({ article: { status: 'review', revision: 4 }, lock: { editable: false }, save: { status: 'saved' } });
    expect(editor.getText()).toBe('데스크가 고치는 중');
    expect(editors).toHaveLength(1);
  });

  it('loads nothing for its own save echoed back, and leaves unsaved edits to autosave (then a conflict)', async () => {
    const { library, session } = await open();
    editorFor(session);
    session.updateMeta({ headline: '내 제목' });
    await vi.advanceTimersByTimeAsync(600);
    await session.changedElsewhere(library.stored); // the echo of that save: revision 4, as shown
    expect(library.load).toHaveBeenCalledTimes(1); // the opening load only
    session.updateMeta({ headline: '아직 저장 안 된 제목' });
    library.stored = { ...library.stored, headline: '데스크 제목', revision: 9 };
    await session.changedElsewhere(library.stored);
    expect(session.getSnapshot().meta!.headline).toBe('아직 저장 안 된 제목');
    await vi.advanceTimersByTimeAsync(600);
    expect(session.status).toBe('conflict');
  });
});

describe('restore and conflicts', () => {
  it('a restored version replaces fields and body in one undoable transaction on the same editor', async () => {
    const { session, library } = await open();
    const editor = editorFor(session);
    const undo = undoDepth(editor.state);
    await session.restoreVersion(2);
    expect(session.getSnapshot().meta!.headline).toBe('옛 제목');
    expect(editor.getJSON()).toEqual(library.stored.body);
    expect(undoDepth(editor.state)).toBe(undo + 1);
    expect(session.getSnapshot().article!.revision).toBe(4);
    await vi.advanceTimersByTimeAsync(5000);
    expect(library.save).not.toHaveBeenCalled(); // adopting is not an edit
    expect(session.status).toBe('saved');
  });

  it('keep mine saves over their revision; take theirs shows the library’s copy', async () => {
    const { library, session } = await open();
    const editor = editorFor(session);
    library.stored = { ...library.stored, headline: '그쪽', body: bodyOf('그쪽 문단'), revision: 4 };
    session.updateMeta({ headline: '이쪽' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('conflict');
    await session.keepMine(await library.load());
    expect(library.stored.headline).toBe('이쪽');
    expect(library.stored.revision).toBe(5);
    expect(session.status).toBe('saved');

    library.stored = { ...library.stored, headline: '또 그쪽', body: bodyOf('또 그쪽 문단'), revision: 6 };
    session.updateMeta({ headline: '또 이쪽' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('conflict');
    await session.takeTheirs(await library.load());
    expect(session.getSnapshot().meta!.headline).toBe('또 그쪽');
    expect(editor.getJSON()).toEqual(bodyOf('또 그쪽 문단'));
    expect(session.status).toBe('saved');
    session.updateMeta({ headline: '이제 저장' });
    await vi.advanceTimersByTimeAsync(500);
    expect(library.saves.at(-1)!.base).toBe(6);
    expect(session.status).toBe('saved');
  });

  it('a trashed article is locked for everyone', async () => {
    const { session } = await open({ trashedAt: '2026-12-02T00:00:00.000Z' }, EDITOR);
    expect(session.getSnapshot().lock).toEqual({ editable: false, reason: 'trashed' });
    session.updateMeta({ headline: 'x' });
    expect(session.getSnapshot().meta!.headline).toBe('제목');
  });
});

describe('edits that cannot be saved here', () => {
  it('read-only now: a new draft carries exactly the unsaved content, headline marked, and the original is untouched', async () => {
    const { library, session } = await open();
    const editor = editorFor(session);
    library.stored = { ...library.stored, status: 'review' }; // the desk started review in another window
    const before = structuredClone(library.stored);
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, ' 덧붙인 문장');
    session.updateMeta({ dateline: '서울' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('readOnly');
    expect(session.hasStrandedEdits()).toBe(true);
    const mine = session.content();

    const draft = await session.saveAsNewDraft(' (새 초고)');

    expect(library.create).toHaveBeenCalledWith('ko');
    const stored = library.drafts.get(draft.id)!;
    expect(stored.body).toEqual(mine.body);
    expect(JSON.stringify(stored.body)).toContain('첫 문단 덧붙인 문장');
    const { headline, ...rest } = mine;
    expect(stored).toMatchObject(rest);
    expect(stored.headline).toBe(`${headline} (새 초고)`);
    expect(stored.status).toBe('draft');
    expect(library.stored).toEqual(before); // the original: not a byte changed
    expect(session.hasStrandedEdits()).toBe(false); // the edits live in the draft now
    await vi.advanceTimersByTimeAsync(60_000);
    expect(library.stored).toEqual(before);
  });

  it('a conflict and failing saves are stranded too; a draft made while saves fail stops the retries into the original', async () => {
    const c = await open();
    c.library.stored = { ...c.library.stored, headline: '다른 창', revision: 4 };
    c.session.updateMeta({ headline: '이 창' });
    await vi.advanceTimersByTimeAsync(500);
    expect(c.session.status).toBe('conflict');
    expect(c.session.hasStrandedEdits()).toBe(true);

    const f = await open();
    f.library.save.mockRejectedValue(new ApiError('diskFull', 'full'));
    f.session.updateMeta({ headline: '디스크 가득' });
    await vi.advanceTimersByTimeAsync(500);
    expect(f.session.status).toBe('failed');
    expect(f.session.hasStrandedEdits()).toBe(true);
    f.library.save.mockClear();
    await expect(f.session.saveAsNewDraft(' (copy)')).rejects.toMatchObject({ code: 'diskFull' });
    expect(f.session.hasStrandedEdits()).toBe(true); // nothing lost when the draft could not be written either
    await vi.advanceTimersByTimeAsync(1000);
    expect(f.library.save.mock.calls.some(([id]) => id === 'article-0001')).toBe(true); // and the original is still retried
  });

  it('typing while the new draft is being made stays unsaved here, so leaving still asks', async () => {
    const { library, session } = await open();
    editorFor(session);
    const save = library.save.getMockImplementation()!;
    library.save.mockImplementation(async (id, base, content) => {
      if (id === 'article-0001') throw new ApiError('diskFull', 'full'); // the original's disk is full
      return save(id, base, content);
    });
    session.updateMeta({ dateline: '서울' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('failed');
    let release!: () => void;
    const create = library.create.getMockImplementation()!;
    library.create.mockImplementationOnce((language) => new Promise((ok) => (release = () => void create(language).then(ok))));
    const making = session.saveAsNewDraft(' (새 초고)');
    await Promise.resolve();
    session.updateMeta({ dateline: '서울 종로' }); // typed after the copy was taken
    release();
    const draft = await making;
    expect(draft.dateline).toBe('서울');
    expect(session.hasStrandedEdits()).toBe(true);
  });

  it('asks nothing when everything is saved, or while a save is merely pending', async () => {
    const { session } = await open();
    expect(session.hasStrandedEdits()).toBe(false);
    session.updateMeta({ headline: '새 제목' });
    expect(session.status).toBe('dirty');
    expect(session.hasStrandedEdits()).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(session.status).toBe('saved');
    expect(session.hasStrandedEdits()).toBe(false);
  });

  it('discarding lets go of the edits: nothing is saved afterwards', async () => {
    const { library, session } = await open();
    library.stored = { ...library.stored, status: 'sent' };
    session.updateMeta({ headline: '버릴 제목' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.hasStrandedEdits()).toBe(true);
    session.discard();
    expect(session.hasStrandedEdits()).toBe(false);
    await session.close();
    expect(library.save).toHaveBeenCalledTimes(1);
    expect(library.stored.headline).toBe('제목');
  });
});

describe('leaving a new article untouched', () => {
  it('asks the library to discard a never-saved article, and the session is over once it is gone', async () => {
    const { library, session } = await open({ revision: 0, headline: '' });
    expect(await session.discardIfUntouched()).toBe(true);
    expect(library.discardUntouched).toHaveBeenCalledWith('article-0001');
    session.updateMeta({ headline: '늦은 입력' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(library.save).not.toHaveBeenCalled();
  });

  it('does not ask once this window saved something, nor while an edit is pending', async () => {
    const { library, session } = await open({ revision: 0, headline: '' });
    session.updateMeta({ headline: '제목을 쳤다' });
    expect(await session.discardIfUntouched()).toBe(false);
    await session.flush();
    expect(session.getSnapshot().article!.revision).toBe(1);
    expect(await session.discardIfUntouched()).toBe(false);
    expect(library.discardUntouched).not.toHaveBeenCalled();
  });
});

/** The port over a window's replica; every change made to it here is this window's (none come from a core). */
function portOver(doc: Y.Doc) {
  let changed = false;
  doc.on('update', () => (changed = true));
  return liveFieldsPort(doc, () => changed);
}

/** The story's document as the server made it from the stored copy, and a second person's replica. */
function liveDocs(from: Article) {
  const server = new Y.Doc();
  const { body: _body, ...meta } = contentOf(from);
  writeFields(server, meta);
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(server));
  const exchange = () => {
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(theirs)));
  };
  return { mine, theirs, exchange };
}

describe('a story open live', () => {

  it('writes field changes into the document and saves nothing; body typing is not saved either', async () => {
    const { library, session } = await open({ tags: ['날씨'] });
    const { mine, theirs, exchange } = liveDocs(library.stored);
    session.attachLive(portOver(mine));
    session.updateMeta({ tags: ['날씨', '첫눈'], byline: { ...library.stored.byline, desk: '사회부' } });
    session.markDirty();
    await vi.advanceTimersByTimeAsync(5000);
    await session.flush();
    expect(library.save).not.toHaveBeenCalled();
    expect(session.getSnapshot().save.status).toBe('saved');
    exchange();
    expect(theirs.getArray('field.tags').toArray()).toEqual(['날씨', '첫눈']);
    expect(theirs.getMap('field.byline').get('desk')).toBe('사회부');
  });

  it('shows another person’s change to a field at once, and keeps showing the document’s fields after a step', async () => {
    const { library, session } = await open({ headline: '서울 첫눈' });
    const { mine, theirs, exchange } = liveDocs(library.stored);
    session.attachLive(portOver(mine));
    ((theirs.getXmlFragment(fieldFragment('headline')).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(5, ' 내려');
    theirs.getArray('field.tags').push(['기상청']);
    exchange();
    expect(session.getSnapshot().meta).toMatchObject({ headline: '서울 첫눈 내려', tags: ['기상청'] });
    // The step's copy was stored before the last keystroke reached the server: the screen keeps the document's.
    await session.step({ action: 'send', note: '', override: false });
    expect(session.getSnapshot().article!.status).toBe('sent');
    expect(session.getSnapshot().meta!.headline).toBe('서울 첫눈 내려');
  });

  it('a new draft typed in only live is not discarded on leaving (the server may not hold the words yet); one left untouched is', async () => {
    const typed = await open({ revision: 0, headline: '' });
    const docs = liveDocs(typed.library.stored);
    typed.session.attachLive(portOver(docs.mine));
    ((docs.mine.getXmlFragment(fieldFragment('headline')).get(0) as Y.XmlElement)).insert(0, [new Y.XmlText('막 친 제목')]);
    expect(await typed.session.discardIfUntouched()).toBe(false);
    expect(typed.library.discardUntouched).not.toHaveBeenCalled();

    const untouched = await open({ revision: 0, headline: '' });
    untouched.session.attachLive(portOver(liveDocs(untouched.library.stored).mine));
    expect(await untouched.session.discardIfUntouched()).toBe(true);
  });

  it('shows the document’s fields when the story opened live before the article loaded', async () => {
    const library = new FakeLibrary(article({ headline: '저장된 제목' }), REPORTER);
    const session = new ArticleSession('article-0001', library, REPORTER);
    const { mine } = liveDocs({ ...library.stored, headline: '실시간 제목' });
    session.attachLive(portOver(mine));
    await session.load();
    expect(session.getSnapshot().meta!.headline).toBe('실시간 제목');
  });

  it('lets go of the document: later changes there no longer reach the screen, and edits save again', async () => {
    const { library, session } = await open({ headline: '서울 첫눈' });
    const { mine } = liveDocs(library.stored);
    session.attachLive(portOver(mine));
    session.attachLive(null);
    mine.getArray('field.tags').push(['늦게']);
    expect(session.getSnapshot().meta!.tags).toEqual([]);
    session.updateMeta({ headline: '새 제목' });
    await session.flush();
    expect(library.save).toHaveBeenCalledTimes(1);
  });
});

describe('house style in the headline and deck', () => {
  it('a fix replaces only the flagged text, and only while it is still there; a kept finding is saved with the copy', async () => {
    const { library, session } = await open({ headline: '개발자 컨퍼런스 열려', deck: ['', '몇일 동안'] });
    expect(session.replaceInField('headline', 0, 4, '컨퍼런스', '콘퍼런스')).toBe(true);
    expect(session.replaceInField('headline', 0, 4, '컨퍼런스', '콘퍼런스')).toBe(false);
    expect(session.replaceInField('deck', 1, 0, '몇일', '며칠')).toBe(true);
    session.keepFinding({ rule: 'x-rule', before: '', text: '며칠', after: ' 동안' });
    session.keepFinding({ rule: 'x-rule', before: '', text: '며칠', after: ' 동안' });
    await session.flush();
    expect(library.saves.at(-1)?.content).toMatchObject({ headline: '개발자 콘퍼런스 열려', deck: ['', '며칠 동안'], keptFindings: [{ rule: 'x-rule', before: '', text: '며칠', after: ' 동안' }] });
  });

  it('on a story open live, the fix is made in the document everyone types in, and the screen follows it', async () => {
    const { library, session } = await open({ headline: '개발자 컨퍼런스 열려', deck: ['첫 줄', '몇일 동안'] });
    const { mine, theirs, exchange } = liveDocs(library.stored);
    session.attachLive(portOver(mine));
    expect(session.replaceInField('deck', 1, 0, '몇일', '며칠')).toBe(true);
    expect(session.replaceInField('headline', 0, 4, '컨퍼런스', '콘퍼런스')).toBe(true);
    expect(session.getSnapshot().meta).toMatchObject({ headline: '개발자 콘퍼런스 열려', deck: ['첫 줄', '며칠 동안'] });
    exchange();
    expect(readFields(theirs, contentOf(library.stored))).toMatchObject({ headline: '개발자 콘퍼런스 열려', deck: ['첫 줄', '며칠 동안'] });
    await session.flush();
    expect(library.save).not.toHaveBeenCalled();
  });
});
