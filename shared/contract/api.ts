// The one IPC contract between the renderer and the core. Electron's main process and the browser
// host both mount exactly these methods, parse every input with `input` and every result with
// `output`; the preload and the browser bridge expose one named function per method.
import { z } from 'zod';
import {
  ArticleContentSchema,
  ArticleIdSchema,
  ArticleSchema,
  ArticleSummarySchema,
  BodySchema,
  LanguageSchema,
} from '../model/article';
import { SettingsPatchSchema, SettingsSchema } from '../model/settings';
import { ApiErrorSchema, NoticeSchema } from './errors';
import { MAX_ARTICLE_IDS } from './limits';
import { ExportFormatSchema } from '../exchange/types';
import { PhotoIdSchema, PhotoInfoSchema } from '../model/photo';
import { PersonDraftSchema, PersonIdSchema, PersonSchema } from '../model/person';
import { AuditEntrySchema, VersionMetaSchema } from '../model/history';
import { WorkflowActionSchema } from '../workflow/workflowSchemas';
import { BackupIdSchema, BackupPageSchema, BackupSummarySchema, RestoreResultSchema } from '../model/backup';
import { ArticleQuerySchema, QueryResultSchema } from '../search/query';
import { NewsroomStatusSchema } from './newsroom';
import { LiveOpenedSchema, LiveStatusSchema, YUpdateSchema } from './liveStory';
import { LateDecisionSchema, LateFieldsSchema, LateRevisionSchema } from './lateRevision';
import { UploadSummarySchema } from './libraryUpload';
import { RuleSetProblemsSchema } from '../style/ruleSetProblemSchema';

/** Hard ceiling on one photo's bytes at the boundary; the configurable limit (settings) is checked in the core. */
export const MAX_PHOTO_BYTES = 500 * 1024 * 1024;
/** Hard ceiling on one imported file (a package with its photos can be big). */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

/** Hard ceiling on a rule set file's text (the 254 Korean defaults are 135,000 characters; 2,000 such rules fit). */
export const MAX_RULE_SET_CHARS = 2 * 1024 * 1024;
/** The importHouseStyle request as JSON: its text escaped (at most six bytes a character) and the rest. */
export const MAX_RULE_SET_BODY_BYTES = MAX_RULE_SET_CHARS * 6 + 64 * 1024;

/** Hard ceiling on a backup archive sent as bytes (bigger ones are imported from the command line). */
export const MAX_BACKUP_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;

/** A long task the renderer follows with `jobProgress` and may stop with `cancelJob`; the id is the caller's. */
const JobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'job id');

const Warning = z.object({ key: z.string(), values: z.record(z.string(), z.string()).optional() });

export const ExportResultSchema = z.object({
  id: ArticleIdSchema,
  headline: z.string(),
  /** Folder of this article's files, inside the export folder; files are relative to it. */
  folder: z.string(),
  files: z.array(z.string()),
  warnings: z.array(Warning),
  error: ApiErrorSchema.nullable(),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const ImportResultSchema = z.object({
  name: z.string(),
  articleId: ArticleIdSchema.nullable(),
  headline: z.string(),
  format: z.string(),
  warnings: z.array(Warning),
  error: ApiErrorSchema.nullable(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/**
 * Who is asking. Copydesk runs on one trusted machine without passwords, so the person is the
 * one picked at start; the core checks every request against that person's role
 * (shared/workflow/access.ts). Every method names the person, except the few the access table
 * keeps open for the identity screen, where it may be null.
 */
const Actor = PersonIdSchema;
/** For the methods open before anyone has said who they are. */
const OpenActor = z.object({ actor: Actor.nullable().optional() }).strict();
const ByActor = z.object({ id: ArticleIdSchema, actor: Actor }).strict();
const ActorOnly = z.object({ actor: Actor }).strict();

export const contract = {
  getLibraryInfo: {
    input: OpenActor,
    output: z.object({
      path: z.string(),
      articleCount: z.number().int().nonnegative(),
      /** What the library did on open that the user should hear about (recovered or quarantined files). */
      notices: z.array(NoticeSchema),
      /** The search index being built or checked in the background; null when it is ready. */
      indexing: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
      /** The library has had people but its people file is gone: no first admin may be set up, the file must come back. */
      peopleLost: z.boolean(),
      /** The newsroom server and account this library folder is bound to; null for a local library. */
      newsroom: NewsroomStatusSchema.nullable(),
    }),
  },
  /** Every summary in a scope, newest first. For small libraries and tools; the list uses `queryArticles`. */
  listArticles: {
    input: z.object({ actor: Actor, scope: z.enum(['active', 'trash']) }).strict(),
    output: z.array(ArticleSummarySchema),
  },
  /** One window of the library list: search, filters, order and counts, done in the core. */
  queryArticles: {
    input: ArticleQuerySchema.extend({ actor: Actor, offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(500) }).strict(),
    output: QueryResultSchema,
  },
  /** The ids a query lists, in order, up to `max` (for "export what is listed"). */
  queryArticleIds: {
    input: ArticleQuerySchema.extend({ actor: Actor, max: z.number().int().min(1).max(MAX_ARTICLE_IDS) }).strict(),
    output: z.object({ ids: z.array(ArticleIdSchema), total: z.number().int().nonnegative() }),
  },
  /** Which of these articles are under an embargo now (for the export dialog, whatever rows the list has fetched). */
  embargoedArticles: {
    input: z.object({ actor: Actor, ids: z.array(ArticleIdSchema).max(MAX_ARTICLE_IDS) }).strict(),
    output: z.object({ ids: z.array(ArticleIdSchema) }),
  },
  /** Desks and tags in use, for the filter menus. */
  libraryFacets: {
    input: z.object({ actor: Actor, scope: z.enum(['active', 'trash']) }).strict(),
    output: z.object({ desks: z.array(z.string()), tags: z.array(z.string()) }),
  },
  createArticle: {
    input: z.object({ actor: Actor, language: LanguageSchema.optional() }).strict(),
    output: ArticleSchema,
  },
  getArticle: { input: ByActor, output: ArticleSchema },
  saveArticle: {
    input: z
      .object({ id: ArticleIdSchema, actor: Actor, baseRevision: z.number().int().nonnegative(), content: ArticleContentSchema })
      .strict(),
    output: z.object({ revision: z.number().int().nonnegative(), updatedAt: z.iso.datetime() }),
  },
  duplicateArticle: { input: ByActor, output: ArticleSchema },
  /**
   * Leaving a new article nobody touched: the core deletes it for good if it was never saved and
   * still holds what it was created with; otherwise nothing happens (`discarded: false`, never an error).
   */
  discardUntouched: { input: ByActor, output: z.object({ discarded: z.boolean() }) },
  trashArticle: { input: ByActor, output: ArticleSummarySchema },
  restoreArticle: { input: ByActor, output: ArticleSummarySchema },
  /** A workflow step (send, review, return, approve, publish, spike, restore, correct…); the core decides. */
  transitionArticle: {
    input: z
      .object({
        id: ArticleIdSchema,
        actor: Actor,
        action: WorkflowActionSchema,
        note: z.string().max(5000).default(''),
        override: z.boolean().default(false),
        /** A live story: the Yjs state vector (base64) of the client's replica; the newsroom server steps only once it has stored that state (else `conflict`). */
        liveState: YUpdateSchema.optional(),
      })
      .strict(),
    output: ArticleSchema,
  },
  /** Versions newest first and the audit log oldest first. */
  getHistory: { input: ByActor, output: z.object({ versions: z.array(VersionMetaSchema), audit: z.array(AuditEntrySchema) }) },
  getVersion: { input: ByActor.extend({ seq: z.number().int().positive() }).strict(), output: ArticleSchema },
  restoreVersion: {
    input: ByActor.extend({ seq: z.number().int().positive(), baseRevision: z.number().int().nonnegative() }).strict(),
    output: ArticleSchema,
  },
  listPeople: { input: OpenActor, output: z.array(PersonSchema) },
  /** Adds or changes a person (admins only; the first person of a library that never had people, who must be an admin, needs no actor). */
  savePerson: {
    input: z
      .object({
        actor: Actor.nullable(),
        person: PersonDraftSchema,
        /** In a library bound to a newsroom, a new person's sign-in (an initial password they change); a local library has no accounts and ignores it. */
        account: z.object({ login: z.string().min(1).max(100), password: z.string().min(8).max(256) }).strict().optional(),
      })
      .strict(),
    output: PersonSchema,
  },
  /** Deletes every trashed article and its history for good (admins only). */
  emptyTrash: { input: ActorOnly, output: z.object({ removed: z.number().int().nonnegative() }) },
  /** One photo's bytes (from a file dialog, drop, paste or folder); the core checks, stores and describes it. */
  importPhoto: {
    input: z
      .object({
        actor: Actor,
        name: z.string().min(1).max(255),
        bytes: z
          .custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes')
          .refine((b) => b.byteLength <= MAX_PHOTO_BYTES, 'photo too large'),
      })
      .strict(),
    output: z.object({ photo: PhotoInfoSchema, existed: z.boolean() }),
  },
  /**
   * Late revisions (shared/contract/lateRevision.ts), a newsroom's only: a reporter's machine hands
   * one in (`key`: its own id for it, so handing it in twice keeps one), the story's late revisions
   * are listed (the desk: all; anyone else: their own), and the desk takes or drops one.
   */
  submitLateRevision: {
    input: z.object({ actor: Actor, id: ArticleIdSchema, key: z.string().uuid(), typedAt: z.iso.datetime(), body: BodySchema, fields: LateFieldsSchema }).strict(),
    output: LateRevisionSchema,
  },
  listLateRevisions: { input: ByActor, output: z.array(LateRevisionSchema) },
  decideLateRevision: {
    input: z.object({ actor: Actor, id: ArticleIdSchema, revision: z.string().uuid(), decision: LateDecisionSchema }).strict(),
    output: LateRevisionSchema,
  },
  /** What the library knows about these photos; ids it does not have are left out. */
  getPhotos: { input: z.object({ actor: Actor, ids: z.array(PhotoIdSchema).max(1000) }).strict(), output: z.array(PhotoInfoSchema) },
  /**
   * Writes articles in the chosen formats into the export folder, one subfolder per article.
   * Embargoed copy is refused unless an override with a reason is asked for (the PDF proof is
   * internal and always allowed). One article failing does not stop the others.
   */
  exportArticles: {
    input: z
      .object({
        actor: Actor,
        jobId: JobId,
        ids: z.array(ArticleIdSchema).min(1).max(MAX_ARTICLE_IDS),
        formats: z.array(ExportFormatSchema).min(1),
        override: z.boolean().default(false),
        note: z.string().max(5000).default(''),
      })
      .strict(),
    output: z.object({ dir: z.string(), results: z.array(ExportResultSchema), cancelled: z.boolean() }),
  },
  /** Creates one article per file (web copy, HTML page, DOCX, Markdown, NITF, ninjs, package); a file that fails leaves nothing behind. */
  importFiles: {
    input: z
      .object({
        actor: Actor,
        jobId: JobId,
        files: z
          .array(
            z.object({
              name: z.string().min(1).max(255),
              bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes').refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'file too large'),
            }),
          )
          .min(1)
          .max(500),
      })
      .strict(),
    output: z.object({ results: z.array(ImportResultSchema), cancelled: z.boolean() }),
  },
  /** How far a running export or import is; null once it is long finished or unknown. */
  jobProgress: {
    input: z.object({ actor: Actor, jobId: JobId }).strict(),
    output: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative(), current: z.string() }).nullable(),
  },
  cancelJob: { input: z.object({ actor: Actor, jobId: JobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /**
   * Shows an exported file or folder in the system's file manager (Electron). Only paths inside the
   * export folder or the library; the browser host has no file manager and answers `shown: false`.
   */
  showInFolder: { input: z.object({ actor: Actor, path: z.string().min(1).max(4096) }).strict(), output: z.object({ shown: z.boolean() }) },
  // ── Backups (core/backup/): rolling snapshots of the whole library, and archives of one ──
  /** Snapshots, newest first. */
  listBackups: { input: ActorOnly, output: z.array(BackupSummarySchema) },
  /** A page of one snapshot's articles (newest first; `query` matches headline or kicker), each compared with the library now. */
  getBackup: {
    input: z
      .object({
        actor: Actor,
        snapshot: BackupIdSchema,
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
        query: z.string().max(200).default(''),
      })
      .strict(),
    output: BackupPageSchema,
  },
  /** "Back up now". */
  createBackup: { input: ActorOnly, output: BackupSummarySchema },
  /**
   * Puts `ids` (or, without ids, the whole library: articles, people and settings) back as the
   * snapshot had them, each as a new revision. A whole restore first snapshots the library as it
   * is (`undoBackup`) and moves articles the snapshot lacks to the trash, never deleting any.
   */
  restoreBackup: {
    input: z.object({ actor: Actor, jobId: JobId, snapshot: BackupIdSchema, ids: z.array(ArticleIdSchema).min(1).max(MAX_ARTICLE_IDS).optional() }).strict(),
    output: RestoreResultSchema,
  },
  /** One zip of a snapshot (its articles, photos, people and settings), written into the export folder. */
  exportBackupArchive: {
    input: z.object({ actor: Actor, jobId: JobId, snapshot: BackupIdSchema }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative(), cancelled: z.boolean() }),
  },
  /** Checks a backup archive completely, keeps it as a snapshot, then restores the library from it as a whole restore. */
  importBackupArchive: {
    input: z
      .object({
        actor: Actor,
        jobId: JobId,
        name: z.string().min(1).max(255),
        bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes').refine((b) => b.byteLength <= MAX_BACKUP_ARCHIVE_BYTES, 'archive too large'),
      })
      .strict(),
    output: RestoreResultSchema.extend({ snapshot: BackupIdSchema }),
  },
  // ── end of backups ──
  // ── The newsroom (core/newsroom/): a library folder bound to one server and one account ──
  /**
   * Signs in to a newsroom server and binds this library folder to it and to that account: from
   * then on stories, people, settings and every step are the server's. Only a library with no
   * stories of its own may be bound (`libraryNotEmpty`); another account needs another folder.
   */
  connectNewsroom: {
    input: z
      .object({
        actor: Actor.nullable().optional(),
        server: z.string().min(1).max(2048),
        login: z.string().min(1).max(200),
        password: z.string().min(1).max(1024),
        /** A new server's one-time setup code: the account is made as the newsroom's first admin, this person. */
        setup: z.object({ code: z.string().min(1).max(200), person: PersonDraftSchema.pick({ name: true, desk: true, email: true, bylineName: true, bylineRole: true }) }).strict().optional(),
      })
      .strict(),
    output: NewsroomStatusSchema,
  },
  /**
   * "Upload this library to the newsroom" (a local library's admin): signs in to the server for
   * this upload only (the folder stays local), as an admin of it, and sends the library's people,
   * photos and every story with its versions and audit log; a job (`jobProgress`, `cancelJob`:
   * stops between two stories). A story the server has is skipped, so uploading again carries on.
   * A library bound to a newsroom has no stories of its own to send (`libraryBound`).
   */
  uploadLibraryToNewsroom: {
    input: z.object({ actor: Actor, jobId: JobId, server: z.string().min(1).max(2048), login: z.string().min(1).max(200), password: z.string().min(1).max(1024) }).strict(),
    output: UploadSummarySchema,
  },
  /** Signs out and unbinds the folder (it becomes an empty local library again). */
  disconnectNewsroom: { input: OpenActor, output: z.object({ disconnected: z.boolean() }) },
  /**
   * A bound library's story, live (shared/contract/liveStory.ts): the core joins the server's
   * document for it and answers once synced. Not bound, or offline: `unavailable`, and the
   * screen edits the story as before.
   */
  openLiveStory: { input: z.object({ actor: Actor, id: ArticleIdSchema }).strict(), output: LiveOpenedSchema },
  /**
   * The renderer's own change to a live story's document. Answers with the story's status once the
   * core's replica holds it (counted unsynced): an older status event crossing this answer must not
   * make the window say "stored".
   */
  sendLiveUpdate: { input: z.object({ actor: Actor, id: ArticleIdSchema, update: YUpdateSchema }).strict(), output: LiveStatusSchema },
  /** The renderer's caret and name in a live story (Yjs awareness). */
  sendLiveAwareness: { input: z.object({ actor: Actor, id: ArticleIdSchema, update: YUpdateSchema }).strict(), output: z.null() },
  /** The story's screen closed: the core leaves its document when no window has it open. */
  closeLiveStory: { input: z.object({ actor: Actor, id: ArticleIdSchema }).strict(), output: z.null() },
  getSettings: { input: OpenActor, output: SettingsSchema },
  /** Who may change which settings is the access table's SETTINGS_SECTIONS (preferences, house style, library rules). */
  updateSettings: { input: SettingsPatchSchema.extend({ actor: Actor }).strict(), output: SettingsSchema },
  /**
   * A house-style rule set file (shared/style/README.md) becomes the set in force for its language,
   * every rule on, once every rule proves (shape, pattern safety, its own examples), off the core's
   * thread; a job (`jobProgress`, `cancelJob`). Refused, the answer names every problem by rule and
   * nothing changes. Who may: SETTINGS_SECTIONS.houseStyle (the admin).
   */
  importHouseStyle: {
    input: z.object({ actor: Actor, jobId: JobId, name: z.string().min(1).max(255), text: z.string().min(1).max(MAX_RULE_SET_CHARS) }).strict(),
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), language: LanguageSchema, rules: z.number().int().nonnegative(), settings: SettingsSchema }),
      z.object({ ok: z.literal(false), problems: RuleSetProblemsSchema }),
    ]),
  },
  /** The set the checker runs for `language` (rules turned off left out) as a rule set file, written into the export folder. */
  exportHouseStyle: {
    input: z.object({ actor: Actor, language: LanguageSchema }).strict(),
    output: z.object({ path: z.string(), rules: z.number().int().nonnegative() }),
  },
  getAppInfo: {
    input: OpenActor,
    output: z.object({
      version: z.string(),
      /** `darwin` decides ⌘ vs Ctrl in shortcuts; the browser host reports the server's platform. */
      platform: z.string(),
      host: z.enum(['electron', 'browser']),
      systemLocale: z.string(),
      /** Where photo files are served: `media://photo/` in Electron, `/media/` in the browser host. */
      mediaBase: z.string(),
    }),
  },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const methods = Object.keys(contract) as Method[];

/** IPC channel name of a method; the browser host uses the method name as its URL path. */
export function channelOf(method: Method): string {
  return `copydesk:${method}`;
}

/** What the renderer sees as `window.copydesk`: one async function per method. */
export type CopydeskApi = { [M in Method]: (input: Input<M>) => Promise<Output<M>> };
