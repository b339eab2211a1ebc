// Wires the library service to the IPC contract. Electron's main process and the browser host
// both call `openCore` and hand `core.handlers` to `dispatch`; neither adds logic of its own.
// Every handler runs behind one access gate (shared/workflow/access.ts).
import type { Handlers } from '../shared/contract/dispatch';
import { methods, type Input, type Method } from '../shared/contract/api';
import { assertAccess, type AccessContext, type AccessRequest } from '../shared/workflow/access';
import { Library } from './Library';
import { PHOTO_VARIANTS, type PhotoVariant } from './media/PhotoStore';
import { ExchangeService } from './exchange/ExchangeService';
import { JobRegistry } from './exchange/JobRegistry';
import type { PdfPrinter } from './exchange/exportContext';
import { chromiumPrinter } from './exchange/export/renderPdf';
import { revealInFolder, type RevealPath } from './exchange/revealInFolder';
import { BackupService } from './backup/BackupService';
import { PROGRESS_SCALE } from './backup/progress';
import { Newsroom } from './newsroom/Newsroom';
import { exportNeedsServer, newsroomStories } from './newsroom/newsroomStories';
import { LiveStories } from './newsroom/live/LiveStories';
import { keepLateRevision, type LateCopy } from './newsroom/live/lateRevisions';
import { libraryStories } from './exchange/storySource';
import { isNewsroomMethod } from '../shared/contract/newsroomMethods';
import { isRememberedRead, OfflineAnswers, upgradeKept, type RememberedRead } from './newsroom/offlineAnswers';
import { answerFromHeld } from './newsroom/offlineQuery';
import { Outbox } from './newsroom/outbox';
import { uploadToNewsroom } from './newsroom/upload/uploadToNewsroom';
import { sendLateRevisions } from './newsroom/live/sendLateRevisions';
import { sendOutbox, stepOrQueue } from './newsroom/offlineSteps';
import { listWithReplicas } from './newsroom/listWithReplicas';
import type { QueryResult } from '../shared/search/query';
import { ApiError } from '../shared/contract/errors';
import { MACHINE_SETTINGS, type Settings, type SettingsPatch } from '../shared/model/settings';
import type { CoreEvent, NewsroomStatus } from '../shared/contract/newsroom';
import { proveRuleSet } from './style/proveRuleSet';
import { exportHouseStyle } from './style/exportHouseStyle';

export interface AppInfo {
  version: string;
  platform: string;
  host: 'electron' | 'browser';
  systemLocale: string;
  mediaBase: string;
}

export interface Core {
  /** The contract's methods, each decided by the access gate before it runs. */
  handlers: Handlers;
  /** The library service itself, for the command line, tests and benches. */
  library: Library;
  libraryDir: string;
  /** Export and import without the contract's size limits, for the command line. */
  exchange: ExchangeService;
  /** Snapshots, restores and backup archives (the command line reads archives from a path). */
  backups: BackupService;
  /** A stored photo file for the media scheme, by opaque id; null if there is none. */
  mediaFile(id: string, variant: string): Promise<{ path: string; type: string } | null>;
  /** What the core pushes to the window: the newsroom connection's state and its story changes. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

export interface CoreOptions {
  libraryDir: string;
  appInfo: AppInfo;
  now?: () => Date;
  /** Prints the PDF proof: Electron's own printing in the app; by default a headless Chromium, started on first use. */
  pdfPrinter?: PdfPrinter;
  /** Where exports go unless settings name a folder; by default `exports` inside the library (tests and benches). */
  exportDir?: string;
  /** Shows a file in the system's file manager (Electron's shell); the browser host has none. */
  revealPath?: RevealPath;
  /** Hourly backups (on unless turned off here, for benches that time other things, or in Settings). */
  backupSchedule?: boolean;
  /** How long opening a live story waits for the server (core/newsroom/live/LiveStories.ts); tests shorten it. */
  liveOpenTimeoutMs?: number;
}

export async function openCore(opts: CoreOptions): Promise<Core> {
  const library = await Library.open(opts.libraryDir, opts.now);
  const newsroom = await Newsroom.open(library.dir);
  // Stories open live hold the newsroom's session: they leave when it ends.
  const now = opts.now ?? (() => new Date());
  const lateSender = {
    personId: () => newsroom.status()?.person.id ?? null,
    submit: (input: { id: string; key: string; typedAt: string; body: unknown; fields: unknown }) => newsroom.call('submitLateRevision', input),
  };
  const keepLate = async (articleId: string, copy: LateCopy) => {
    await keepLateRevision(library.dir, { articleId, at: now().toISOString(), personId: newsroom.status()?.person.id ?? null, ...copy });
    // Online, the desk sees it at once; offline, it goes with the rest when the server is back.
    void sendLateRevisions(library.dir, lateSender).catch(() => undefined);
  };
  const live = new LiveStories(() => newsroom.liveCredentials(), keepLate, opts.liveOpenTimeoutMs, library.dir);
  const outbox = await Outbox.open(library.dir, now);
  const answers = new OfflineAnswers(library.dir, now);
  const catchUp = () => {
    live.reconnectAll();
    void live.sendUnsent();
    void sendOutbox(newsroom, live, outbox);
    void sendLateRevisions(library.dir, lateSender).catch(() => undefined);
  };
  newsroom.onEvent((event) => {
    if (event.type !== 'connection') return;
    if (event.state === 'signedOut') live.closeAll();
    // What was typed or stepped offline, or before this core last stopped, goes out as soon as the server is there.
    if (event.state === 'online') catchUp();
  });
  catchUp();
  const localStories = libraryStories(library);
  let chromium: (PdfPrinter & { close(): Promise<void> }) | null = null;
  const printer = () => opts.pdfPrinter ?? (chromium ??= chromiumPrinter());
  const newsroomStoriesOf = newsroomStories(newsroom, () => newsroom.lastSettings ?? library.currentSettings);
  const exchange = new ExchangeService(library, printer, opts.now, opts.exportDir, () => (newsroom.bound ? newsroomStoriesOf : localStories));
  const jobs = new JobRegistry();
  const backups = new BackupService(library, { now: opts.now, exportDir: () => exchange.exportDir });
  if (opts.backupSchedule !== false) backups.start();
  const open: Handlers = {
    getLibraryInfo: async () => {
      const { people } = library.accessContext();
      return { path: library.dir, articleCount: library.activeCount, notices: library.notices, indexing: library.indexing, peopleLost: people.now === 0 && people.ever, newsroom: withOutbox(newsroom.status(), outbox) };
    },
    connectNewsroom: async ({ actor: _actor, ...req }) => newsroom.connect(req, library.storyCount),
    uploadLibraryToNewsroom: async ({ jobId, server, login, password }) => {
      if (newsroom.bound) throw new ApiError('forbidden', 'this library is connected to a newsroom: its stories are the server’s already', { reason: 'libraryBound' });
      return uploadToNewsroom(library, jobs, jobId, { server, login, password });
    },
    disconnectNewsroom: async () => {
      live.closeAll('unbind');
      await live.dropReplicas();
      // Nothing of the newsroom stays behind in the folder: its copies and the steps meant for it.
      await answers.forget();
      await outbox.clear();
      return { disconnected: await newsroom.disconnect() };
    },
    openLiveStory: async ({ id }) => live.open(id),
    sendLiveUpdate: async ({ id, update }) => live.update(id, update),
    sendLiveAwareness: async ({ id, update }) => {
      live.awareness(id, update);
      return null;
    },
    closeLiveStory: async ({ id }) => {
      live.close(id);
      return null;
    },
    listArticles: async ({ scope, actor }) => library.list(scope, actor),
    queryArticles: async ({ actor, offset, limit, ...q }) => library.query(q, actor, offset, limit),
    queryArticleIds: async ({ actor, max, ...q }) => library.queryIds(q, actor, max),
    libraryFacets: async ({ scope }) => library.facets(scope),
    embargoedArticles: async ({ ids }) => {
      const now = (opts.now ?? (() => new Date()))().toISOString();
      return { ids: ids.filter((id) => (library.summaryOf(id)?.embargo ?? '') > now) };
    },
    createArticle: async ({ actor, language }) => library.create(actor, language),
    getArticle: async ({ id }) => library.get(id),
    saveArticle: async ({ id, actor, baseRevision, content }) => library.save(id, baseRevision, content, actor),
    duplicateArticle: async ({ id, actor }) => library.duplicate(id, actor),
    discardUntouched: async ({ id, actor }) => ({ discarded: await library.discardUntouched(id, actor) }),
    trashArticle: async ({ id, actor }) => library.setTrashed(id, true, actor),
    restoreArticle: async ({ id, actor }) => library.setTrashed(id, false, actor),
    transitionArticle: async ({ id, actor, action, note, override }) => library.transition(id, actor, { action, note, override }),
    getHistory: async ({ id }) => library.historyOf(id),
    getVersion: async ({ id, seq }) => library.version(id, seq),
    restoreVersion: async ({ id, actor, seq, baseRevision }) => library.restoreVersion(id, seq, actor, baseRevision),
    listPeople: async () => library.listPeople(),
    // Late revisions are a newsroom's (a local library's stories are never read-only under a person's hands).
    submitLateRevision: async ({ id }) => {
      throw new ApiError('notFound', `late revisions belong to a newsroom; story ${id} is in a local library`, { id });
    },
    listLateRevisions: async () => [],
    decideLateRevision: async ({ id, revision }) => {
      throw new ApiError('notFound', `no late revision ${revision} for story ${id} in a local library`, { id });
    },
    savePerson: async ({ actor, person, account }) => (newsroom.bound ? newsroom.savePerson(person, account) : library.savePerson(actor, person)),
    emptyTrash: async ({ actor }) => ({ removed: await library.emptyTrash(actor) }),
    importPhoto: async ({ name, bytes }) => library.importPhoto(name, bytes),
    getPhotos: async ({ ids }) => library.photoInfos(ids),
    exportArticles: async ({ actor, jobId, ids, formats, override, note }) => {
      if (newsroom.bound) await newsroom.refreshSettings().catch((err: unknown) => Promise.reject(exportNeedsServer(err)));
      return jobs.run(jobId, ids.length, (job) => exchange.exportArticles({ actorId: actor, ids, formats, override, note }, job));
    },
    importFiles: async ({ actor, jobId, files }) => {
      if (newsroom.bound) await newsroom.refreshSettings();
      return jobs.run(jobId, files.length, (job) => exchange.importFiles(actor, files, job));
    },
    jobProgress: async ({ jobId }) => jobs.progress(jobId),
    cancelJob: async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    showInFolder: async ({ path }) => revealInFolder(path, [exchange.exportDir, library.dir], opts.revealPath),
    listBackups: async () => backups.list(),
    getBackup: async ({ snapshot, offset, limit, query }) => backups.page(snapshot, { offset, limit, query }),
    createBackup: async ({ actor }) => backups.create(actor),
    restoreBackup: async ({ actor, jobId, snapshot, ids }) => jobs.run(jobId, PROGRESS_SCALE, (job) => backups.restore(actor, snapshot, ids, job)),
    exportBackupArchive: async ({ actor, jobId, snapshot }) => jobs.run(jobId, PROGRESS_SCALE, (job) => backups.exportArchive(actor, snapshot, job)),
    importBackupArchive: async ({ actor, jobId, name, bytes }) => jobs.run(jobId, PROGRESS_SCALE, (job) => backups.importArchive(actor, { name, bytes }, job)),
    getSettings: async () => library.currentSettings,
    updateSettings: async ({ actor, ...patch }) => library.updateSettings(patch, actor),
    // Proven here off the main thread (with progress); a bound folder's newsroom proves it again and keeps it.
    importHouseStyle: async ({ actor, jobId, name, text }) =>
      jobs.run(jobId, PROGRESS_SCALE, async (job) => {
        const proof = await proveRuleSet(text, { signal: job.signal, onProgress: (done, total, ruleId) => job.step(Math.floor((done / total) * PROGRESS_SCALE), ruleId) });
        if (!proof.ok) return { ok: false as const, problems: proof.problems };
        if (newsroom.bound) {
          const answer = await newsroom.call('importHouseStyle', { actor, jobId, name, text });
          return answer.ok ? { ...answer, settings: await newsroomSettings('getSettings', { actor }, newsroom, library) } : answer;
        }
        const settings = await library.importHouseStyle(proof.set, name, actor);
        return { ok: true as const, language: proof.set.language, rules: proof.set.rules.length, settings };
      }),
    exportHouseStyle: async ({ language }) => exportHouseStyle(newsroom.bound ? await sharedSettings(newsroom, library) : library.currentSettings, language, exchange.exportDir),
    getAppInfo: async () => opts.appInfo,
  };
  // A bound folder has no stories of its own to look for on disk (a live story's every keystroke passes here).
  const local = gated(open, () => (newsroom.bound ? newsroom.accessContext(library.currentSettings.workflow.permissions) : library.accessContext()), (id) => (newsroom.bound ? Promise.resolve() : library.find(id)));
  const handlers = routed(local, newsroom, library, live, answers, outbox);
  return {
    handlers,
    library,
    libraryDir: library.dir,
    exchange,
    backups,
    mediaFile: async (id, variant) => {
      if (!PHOTO_VARIANTS.includes(variant as PhotoVariant)) return null;
      return (await library.photos.file(id, variant as PhotoVariant)) ?? (newsroom.bound ? newsroom.photoFile(id, variant) : null);
    },
    onEvent: (listener) => {
      const offNewsroom = newsroom.onEvent(listener);
      const offLive = live.onEvent(listener);
      const offOutbox = outbox.onChange((state) => listener({ type: 'outbox', outbox: state }));
      return () => {
        offNewsroom();
        offLive();
        offOutbox();
      };
    },
    close: async () => {
      await live.shutdown();
      newsroom.close();
      await chromium?.close();
      await backups.close();
      await library.close();
    },
  };
}

/**
 * A library bound to a newsroom sends the methods the server answers there, for the signed-in
 * person (the server decides them); the rest stay on this machine behind the local gate.
 */
function routed(local: Handlers, newsroom: Newsroom, library: Library, live: LiveStories, answers: OfflineAnswers, outbox: Outbox): Handlers {
  const out: Partial<Record<Method, (input: never) => Promise<unknown>>> = {};
  for (const method of methods) {
    const handler = local[method] as (input: unknown) => Promise<unknown>;
    out[method] = async (input: unknown) => {
      if (newsroom.bound && (method === 'getSettings' || method === 'updateSettings')) return newsroomSettings(method, input as SettingsPatch & { actor: string }, newsroom, library);
      // Proven here first (progress, and a refusal without a round trip); the handler sends it on.
      if (method === 'importHouseStyle') return handler(input);
      if (newsroom.bound && method === 'transitionArticle') return stepOrQueue(input as Input<'transitionArticle'>, newsroom, live, outbox);
      if (newsroom.bound && isNewsroomMethod(method)) {
        const request = (input ?? {}) as Record<string, unknown>;
        if (!isRememberedRead(method)) return newsroom.call(method, request);
        const answer = await readOrRecall(method, request, newsroom, answers, live);
        return method === 'queryArticles' ? listWithReplicas(answer as QueryResult, live) : answer;
      }
      if (newsroom.bound && method === 'importPhoto') {
        const { name, bytes } = input as { name: string; bytes: Uint8Array };
        return newsroom.importPhoto(name, bytes);
      }
      return handler(input);
    };
  }
  return out as Handlers;
}

/** The connection as the window sees it, with the steps waiting in the outbox and what became of those sent. */
function withOutbox(status: NewsroomStatus | null, outbox: Outbox): NewsroomStatus | null {
  return status && { ...status, outbox: outbox.state() };
}

/**
 * A read the server answers: remembered when it does, and when it cannot be reached, the last
 * answer it gave (a story with what this machine typed in it since, from its live replica); a list
 * read never given before is answered from the stories this machine holds.
 */
const HELD_LISTS: ReadonlySet<string> = new Set(['queryArticles', 'queryArticleIds']);

async function readOrRecall(method: RememberedRead, request: Record<string, unknown>, newsroom: Newsroom, answers: OfflineAnswers, live: LiveStories): Promise<unknown> {
  try {
    const answer = await newsroom.call(method, request);
    void answers.remember(method, request, answer);
    return answer;
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'offline') throw err;
    // A list is answered offline from the stories held here, every page alike: a page remembered
    // beside one built here would repeat or skip rows and disagree on the total.
    const kept = HELD_LISTS.has(method) ? null : await answers.recall(method, request);
    if (!kept) return answerFromHeld(method, request, answers, live, newsroom.status()?.person, err);
    const answer = upgradeKept(method, kept.answer);
    if (method !== 'getArticle') return answer;
    const copy = await live.copyOf(String(request.id));
    return copy ? { ...(answer as object), ...copy.fields, body: copy.body } : answer;
  }
}

/**
 * A bound folder's settings: the newsroom's, with this machine's own (MACHINE_SETTINGS: screen
 * language, export folder, backups) kept here. A change to those is decided by the core's gate for the signed-in
 * person and stays on this machine; the rest goes to the server, which decides it.
 */
async function newsroomSettings(method: 'getSettings' | 'updateSettings', input: SettingsPatch & { actor: string }, newsroom: Newsroom, library: Library): Promise<Settings> {
  const machine = (from: Partial<Record<keyof Settings, unknown>>) => Object.fromEntries(MACHINE_SETTINGS.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Pick<Partial<Settings>, (typeof MACHINE_SETTINGS)[number]>;
  if (method === 'updateSettings') {
    const { actor, ...patch } = input;
    const mine = machine(patch);
    const theirs = Object.fromEntries(Object.entries(patch).filter(([k]) => !(MACHINE_SETTINGS as readonly string[]).includes(k)));
    if (Object.keys(mine).length) {
      assertAccess('updateSettings', { ...mine, actor }, newsroom.accessContext(library.currentSettings.workflow.permissions));
      await library.updateMachineSettings(mine);
    }
    if (Object.keys(theirs).length) await newsroom.call('updateSettings', { actor, ...theirs });
  }
  return { ...(await sharedSettings(newsroom, library)), ...machine(library.currentSettings) };
}

/** The newsroom's settings now; away from the server (offline, signed out), the last ones read, or the house defaults. */
async function sharedSettings(newsroom: Newsroom, library: Library): Promise<Settings> {
  try {
    return await newsroom.refreshSettings();
  } catch (err) {
    if (!(err instanceof ApiError) || (err.code !== 'offline' && err.code !== 'notSignedIn')) throw err;
    return newsroom.lastSettings ?? library.currentSettings;
  }
}

/**
 * The one gate: each request is decided against the acting person, the article it names (as the
 * index has it) and the permission table before its handler runs. The library repeats the checks
 * that need the whole article (revision, trash, transitions) when it has read it. An article the
 * index has not learned yet is looked for on disk first (`find`), so its file decides, not the index.
 */
export function gated(handlers: Handlers, context: () => AccessContext, find: (id: string) => Promise<void> = async () => undefined): Handlers {
  const out: Partial<Record<Method, (input: never) => Promise<unknown>>> = {};
  for (const method of methods) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    out[method] = async (input: unknown) => {
      const req = (input ?? {}) as AccessRequest;
      if (typeof req.id === 'string') await find(req.id);
      assertAccess(method, req, context());
      return handler(input);
    };
  }
  return out as Handlers;
}
