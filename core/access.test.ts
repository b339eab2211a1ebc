// Every contract method × every kind of caller × every article state, through the real core on a
// real library folder: allowed or refused (`forbidden`) exactly as testing/accessExpectations.ts
// says. The expectations are written out there, not read from shared/workflow/access.ts, so a
// method added to the contract without a rule — or without an expectation — fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methods, type Method } from '../shared/contract/api';
import { dispatch, type ParsedInput } from '../shared/contract/dispatch';
import { ApiError, toApiError } from '../shared/contract/errors';
import type { Role } from '../shared/model/person';
import type { WorkflowAction } from '../shared/workflow/transitions';
import type { Core } from './createCore';
import { content, openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin, addPerson } from './testing/people';
import { EXPECT, STATES, STEP, UNKNOWN, WHO, type State, type Who } from './testing/accessExpectations';
import { oneRuleSetText } from './testing/ruleSetFixture';

/** Errors an allowed call may still end in, past the gate (the input is deliberately not a real photo, archive…). */
const PAST_THE_GATE: Partial<Record<Method, string[]>> = {
  importPhoto: ['photoRejected'],
  importBackupArchive: ['backupFailed'],
  transitionArticle: ['checklistFailed', 'embargoed'],
  restoreBackup: ['notFound'], // the snapshot predates the article
  // Anyone at the machine may bind a folder; this one has stories of its own, so the core says no after the gate.
  connectNewsroom: ['forbidden:libraryNotEmpty'],
  // No server listens at the address the input names.
  uploadLibraryToNewsroom: ['offline'],
  // This library is not bound to a newsroom: live stories are the server's.
  openLiveStory: ['notSignedIn'],
  sendLiveUpdate: ['notSignedIn'],
  sendLiveAwareness: ['notSignedIn'],
  closeLiveStory: ['notSignedIn'],
  // Late revisions are a newsroom's: a local library has none to hand in or decide.
  submitLateRevision: ['notFound'],
  decideLateRevision: ['notFound'],
};

const ready = (headline: string) => ({
  ...content(headline),
  byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: 'sky@example.kr' }] },
});

let core: Core;
let cleanup: () => Promise<void>;
const people = {} as Record<Role | 'inactive', string>;
let snapshot: string;
let jobs = 0;
const jobId = () => `job-access-${String(++jobs).padStart(6, '0')}`;

beforeAll(async () => {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  core = await openTestCore(tmp.dir);
  people.admin = await addAdmin(core);
  people.reporter = await addPerson(core, '김하늘', 'reporter', people.admin);
  people.editor = await addPerson(core, '이데스크', 'editor', people.admin);
  people.inactive = await addPerson(core, '박퇴사', 'reporter', people.admin);
  await core.handlers.savePerson({ actor: people.admin, person: { id: people.inactive, name: '박퇴사', role: 'reporter', desk: '', email: '', bylineName: '박퇴사', bylineRole: '기자', active: false } });
  snapshot = (await core.handlers.createBackup({ actor: people.admin })).id;
});
afterAll(async () => {
  await core?.close();
  await cleanup?.();
});

const step = (id: string, actor: string, action: WorkflowAction, override = false) =>
  core.handlers.transitionArticle({ id, actor, action, note: '테스트', override });

/** A reporter's story brought to `state` by the people whose step it is. */
async function articleIn(state: State): Promise<string> {
  const { reporter, editor, admin } = people;
  const { id } = await core.handlers.createArticle({ actor: reporter });
  await core.handlers.saveArticle({ id, actor: reporter, baseRevision: 0, content: ready(`${state} 기사`) });
  if (state === 'draft') return id;
  if (state === 'spiked') return (await step(id, editor, 'spike')).id;
  await step(id, reporter, 'send');
  if (state === 'sent') return id;
  await step(id, editor, 'review');
  if (state === 'review') return id;
  if (state === 'returned') return (await step(id, editor, 'return')).id;
  await step(id, admin, 'approve', true);
  if (state === 'approved') return id;
  await step(id, admin, 'publish', true);
  if (state === 'published') return id;
  await core.handlers.trashArticle({ id, actor: editor });
  return id;
}

/** One article per state, made again whenever an allowed call moved it on (or emptied it away). */
const fixtures = new Map<State, string>();
async function fixture(state: State): Promise<string> {
  const id = fixtures.get(state);
  const summary = id ? core.library.summaryOf(id) : null;
  const stateNow: State | null = summary ? (summary.trashedAt !== null ? 'trashed' : summary.status) : null;
  if (id && stateNow === state) return id;
  const fresh = await articleIn(state);
  fixtures.set(state, fresh);
  return fresh;
}

/** A valid input for `method` on article `id` (actor added by the caller). */
function inputFor(method: Method, id: string, state: State): Record<string, unknown> {
  const revision = core.library.summaryOf(id)?.revision ?? 0;
  const inputs: Record<Method, Record<string, unknown>> = {
    getAppInfo: {},
    getLibraryInfo: {},
    listPeople: {},
    getSettings: {},
    connectNewsroom: { server: 'http://127.0.0.1:9', login: 'desk', password: 'secret' },
    disconnectNewsroom: {},
    uploadLibraryToNewsroom: { jobId: jobId(), server: 'http://127.0.0.1:9', login: 'admin', password: 'secret' },
    openLiveStory: { id },
    sendLiveUpdate: { id, update: 'AAA=' },
    sendLiveAwareness: { id, update: 'AAA=' },
    closeLiveStory: { id },
    savePerson: { person: { name: `새 기자 ${jobs++}`, role: 'reporter', desk: '', email: '', bylineName: '', bylineRole: '기자', active: true } },
    listArticles: { scope: 'active' },
    queryArticles: { scope: 'active', offset: 0, limit: 10 },
    queryArticleIds: { scope: 'trash', max: 10 },
    embargoedArticles: { ids: [id] },
    libraryFacets: { scope: 'active' },
    createArticle: {},
    getArticle: { id },
    getHistory: { id },
    getVersion: { id, seq: 1 },
    saveArticle: { id, baseRevision: revision, content: ready('고친 제목') },
    restoreVersion: { id, seq: 1, baseRevision: revision },
    duplicateArticle: { id },
    discardUntouched: { id },
    trashArticle: { id },
    restoreArticle: { id },
    transitionArticle: { id, action: STEP[state], note: '이유' },
    emptyTrash: {},
    importPhoto: { name: 'x.jpg', bytes: new Uint8Array([1, 2, 3]) },
    getPhotos: { ids: [] },
    submitLateRevision: { id, key: '00000000-0000-4000-8000-000000000001', typedAt: '2026-12-07T08:00:00.000Z', body: { type: 'doc', content: [{ type: 'paragraph' }] }, fields: {} },
    listLateRevisions: { id },
    decideLateRevision: { id, revision: '00000000-0000-4000-8000-000000000001', decision: 'drop' },
    exportArticles: { jobId: jobId(), ids: [id], formats: ['text'] },
    importFiles: { jobId: jobId(), files: [{ name: 'copy.txt', bytes: new TextEncoder().encode('수입한 제목\n\n본문입니다.') }] },
    jobProgress: { jobId: jobId() },
    cancelJob: { jobId: jobId() },
    showInFolder: { path: core.libraryDir },
    listBackups: {},
    getBackup: { snapshot },
    createBackup: {},
    restoreBackup: { jobId: jobId(), snapshot, ids: [id] },
    exportBackupArchive: { jobId: jobId(), snapshot },
    importBackupArchive: { jobId: jobId(), name: 'not-a-backup.zip', bytes: new Uint8Array([80, 75, 0, 0]) },
    updateSettings: { outlet: '한빛경제' },
    importHouseStyle: { jobId: jobId(), name: 'house-style-en.json', text: oneRuleSetText('en') },
    exportHouseStyle: { language: 'ko' },
  };
  return inputs[method];
}

type Outcome = 'allowed' | 'refused' | `error ${string}`;

async function attempt(method: Method, who: Who, state: State): Promise<Outcome> {
  const id = await fixture(state);
  // Parsed the way the transports parse it (defaults filled), then handed to the core as the caller would name itself.
  const parsed = contract[method].input.parse({ ...inputFor(method, id, state), actor: people.admin }) as Record<string, unknown>;
  if (who === 'none') delete parsed.actor;
  else parsed.actor = who === 'unknown' ? UNKNOWN : people[who];
  try {
    await (core.handlers[method] as (input: ParsedInput<Method>) => Promise<unknown>)(parsed as ParsedInput<Method>);
    return 'allowed';
  } catch (err) {
    const e = toApiError(err);
    const answer = e.code === 'forbidden' && e.params.reason === 'libraryNotEmpty' ? 'forbidden:libraryNotEmpty' : e.code;
    if (answer === 'forbidden') return 'refused';
    return PAST_THE_GATE[method]?.includes(answer) ? 'allowed' : `error ${e.code}: ${e.message}`;
  }
}

function expected(method: Method, who: Who, state: State): Outcome {
  const rule = EXPECT[method];
  if (rule === 'open') return 'allowed';
  if (who === 'unknown' || who === 'inactive' || who === 'none') return 'refused';
  return rule(who, state) ? 'allowed' : 'refused';
}

describe('who may call what', () => {
  it('has an expectation for every contract method, and no other', () => {
    expect(methods.filter((m) => !(m in EXPECT))).toEqual([]);
    expect(Object.keys(EXPECT).filter((m) => !methods.includes(m as Method))).toEqual([]);
  });

  for (const method of methods) {
    it(`${method}: every role, unknown, inactive and unnamed caller, in every state`, async () => {
      if (!(method in EXPECT)) throw new Error(`${method} has no expectation in access.test.ts`);
      const wrong: string[] = [];
      for (const state of STATES) {
        for (const who of WHO) {
          const got = await attempt(method, who, state);
          const want = expected(method, who, state);
          if (got !== want) wrong.push(`${who} × ${state}: ${got}, expected ${want}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('refuses at the boundary every request that does not name its person, except the open ones', async () => {
    const id = await fixture('draft');
    for (const method of methods) {
      const result = await dispatch(core.handlers, method, inputFor(method, id, 'draft'));
      if (method === 'connectNewsroom') expect(result, method).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'libraryNotEmpty' } } });
      else if (EXPECT[method] === 'open') expect(result, method).toMatchObject({ ok: true });
      else expect(result.ok ? method : [method, result.error.code], method).toEqual([method, 'invalidInput']);
    }
    // Null is how the first admin of a new library says "nobody yet"; in a library with people it names no one.
    const nobody = await dispatch(core.handlers, 'savePerson', { actor: null, ...inputFor('savePerson', id, 'draft') });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'unknownPerson' } } });
  });
});

describe('the attacks of issue 12', () => {
  const refused = (reason: string) => expect.objectContaining({ code: 'forbidden', params: expect.objectContaining({ reason }) });

  it('a reporter cannot empty the trash, nor can anyone who does not say who they are; an admin can', async () => {
    const id = await fixture('trashed');
    await expect(core.handlers.emptyTrash({ actor: people.reporter })).rejects.toEqual(refused('role'));
    await expect(core.handlers.emptyTrash({ actor: people.editor })).rejects.toEqual(refused('role'));
    await expect(core.handlers.emptyTrash({} as never)).rejects.toEqual(refused('unknownPerson'));
    expect(core.library.summaryOf(id)).not.toBeNull();
    expect((await core.handlers.emptyTrash({ actor: people.admin })).removed).toBeGreaterThan(0);
    expect(core.library.summaryOf(id)).toBeNull();
  });

  it('settings: no change without a person; the house style is the desk’s; export folder, workflow and backups the admin’s; the interface language anyone’s', async () => {
    const before = (await core.handlers.getSettings({})).exportDir;
    await expect(core.handlers.updateSettings({ exportDir: '/tmp/elsewhere' } as never)).rejects.toEqual(refused('unknownPerson'));
    for (const patch of [{ outlet: '가짜신문' }, { photos: { minWidth: 1, maxFileMB: 500, creditPattern: { ko: '', en: '' } } }, { bylineTemplates: (await core.handlers.getSettings({})).bylineTemplates.slice(0, 1) }]) {
      await expect(core.handlers.updateSettings({ actor: people.reporter, ...patch })).rejects.toEqual(refused('role'));
    }
    await expect(core.handlers.updateSettings({ actor: people.editor, exportDir: '/tmp/elsewhere' })).rejects.toEqual(refused('role'));
    await expect(core.handlers.updateSettings({ actor: people.editor, backups: { enabled: false, hourly: 0, daily: 0, weekly: 0 } })).rejects.toEqual(refused('role'));
    expect((await core.handlers.getSettings({})).exportDir).toBe(before);
    expect((await core.handlers.updateSettings({ actor: people.reporter, uiLanguage: 'en' })).uiLanguage).toBe('en');
    expect((await core.handlers.updateSettings({ actor: people.editor, outlet: '한빛경제' })).outlet).toBe('한빛경제');
    expect((await core.handlers.updateSettings({ actor: people.admin, exportDir: '' })).exportDir).toBe('');
    // The library's own check, for callers inside the core that do not pass the gate.
    await expect(core.library.updateSettings({ outlet: '가짜신문' }, people.reporter)).rejects.toEqual(refused('role'));
  });

  it('a reporter cannot bring a published story out of the trash, nor change it there: no edit without a correction', async () => {
    const id = await fixture('trashed');
    const before = await core.handlers.getArticle({ actor: people.admin, id });
    await expect(core.handlers.restoreArticle({ id, actor: people.reporter })).rejects.toEqual(refused('role'));
    for (const actor of [people.reporter, people.editor, people.admin]) {
      await expect(core.handlers.saveArticle({ id, actor, baseRevision: before.revision, content: ready('몰래 고친 제목') })).rejects.toEqual(refused('trashed'));
      await expect(core.handlers.restoreVersion({ id, actor, seq: 1, baseRevision: before.revision })).rejects.toEqual(refused('trashed'));
    }
    // Past the gate too: the library refuses a save to a trashed article by itself.
    await expect(core.library.save(id, before.revision, ready('몰래 고친 제목'), people.admin)).rejects.toEqual(refused('trashed'));
    const after = await core.handlers.getArticle({ actor: people.admin, id });
    expect([after.headline, after.revision, after.status, after.trashedAt]).toEqual([before.headline, before.revision, 'published', before.trashedAt]);
    // The desk brings it back; it is still published, so changing it takes a correction.
    await core.handlers.restoreArticle({ id, actor: people.editor });
    await expect(core.handlers.saveArticle({ id, actor: people.editor, baseRevision: before.revision, content: ready('정정 없이') })).rejects.toEqual(refused('readOnly'));
  });

  it('a reporter may bin and bring back their own draft, but not someone else’s', async () => {
    const own = await articleIn('draft');
    await core.handlers.trashArticle({ id: own, actor: people.reporter });
    await core.handlers.restoreArticle({ id: own, actor: people.reporter });
    // Someone else's draft is not even there for the reporter; sent, it is there but not theirs to bin.
    const { id: theirs } = await core.handlers.createArticle({ actor: people.editor });
    await expect(core.handlers.trashArticle({ id: theirs, actor: people.reporter })).rejects.toMatchObject({ code: 'notFound' });
    await step(theirs, people.editor, 'send');
    await expect(core.handlers.trashArticle({ id: theirs, actor: people.reporter })).rejects.toEqual(refused('role'));
    await core.handlers.trashArticle({ id: theirs, actor: people.editor });
    await expect(core.handlers.restoreArticle({ id: theirs, actor: people.reporter })).rejects.toEqual(refused('role'));
    await expect(core.handlers.duplicateArticle({ id: theirs, actor: people.editor })).rejects.toEqual(refused('trashed'));
  });

  it('the gate refuses an unknown caller before saying whether an article exists', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(core.handlers.saveArticle({ id: missing, actor: UNKNOWN, baseRevision: 0, content: ready('x') })).rejects.toEqual(refused('unknownPerson'));
    await expect(core.handlers.saveArticle({ id: missing, actor: people.reporter, baseRevision: 0, content: ready('x') })).rejects.toBeInstanceOf(ApiError);
    await expect(core.handlers.saveArticle({ id: missing, actor: people.reporter, baseRevision: 0, content: ready('x') })).rejects.toMatchObject({ code: 'notFound' });
  });
});
