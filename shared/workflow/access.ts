// Who may call which contract method: one rule per method, decided against the acting person, the
// article the request names (its state, whether it is in the trash, whose it is) and the library's
// permission table. The core applies it at one gate before any handler runs; the newsroom server
// will apply the same table. Deeper checks that need the whole article (revision, checklist,
// embargo, overrides) stay where the article is read (shared/workflow/decide.ts).
import { ApiError } from '../contract/errors';
import type { Method } from '../contract/api';
import type { ArticleStatus } from '../model/article';
import type { Person, Role } from '../model/person';
import type { SettingsPatch } from '../model/settings';
import { canEdit, may, TRANSITIONS, type PermissionTable, type WorkflowAction } from './transitions';
import { inTheTrash, refuseEmptyTrash, refuseTrashMove } from './trash';
import { maySee } from './visibility';

/**
 * - `open`: before anyone has said who they are (the identity screen needs these); no actor.
 * - `firstPerson`: adding or changing people is the admin's, except the very first person of a
 *   library that never had people, who needs no actor (and must be an active admin).
 * - `member`: any active person of the library (reads, their own new drafts, imports, jobs).
 * - `readArticle`: any active person, on an article that exists (in the trash too: it is shown read-only).
 * - `copyArticle`: any active person, on an article that exists and is not in the trash.
 * - `ownArticle`: the article's owner only, in any state; an article already gone passes (the
 *   library answers that nothing was done). Used to discard an untouched new draft.
 * - `editArticle`: the permission table's edit rule for the article's state (`canEdit`); never in the trash.
 * - `transition`: the permission for the requested action, from a state it leads out of; never in the trash.
 * - `trash` / `restoreFromTrash` / `emptyTrash`: shared/workflow/trash.ts.
 * - `settings`: each changed key's section decides (SETTINGS_SECTIONS).
 * - `houseStyle`: importing a rule set is a change to the `houseStyle` settings key; its section decides.
 * - `restoreBackup`: articles back is the desk's (editors and admins), the whole library the admin's.
 * - `admin`: admins only.
 */
export type Rule =
  | 'open'
  | 'firstPerson'
  | 'member'
  | 'readArticle'
  | 'copyArticle'
  | 'ownArticle'
  | 'editArticle'
  | 'transition'
  | 'trash'
  | 'restoreFromTrash'
  | 'emptyTrash'
  | 'settings'
  | 'houseStyle'
  | 'restoreBackup'
  | 'admin';

/** Every contract method's rule. A method added to the contract without one does not compile. */
export const ACCESS: Record<Method, Rule> = {
  getAppInfo: 'open',
  getLibraryInfo: 'open',
  listPeople: 'open',
  getSettings: 'open',
  connectNewsroom: 'open',
  disconnectNewsroom: 'open',
  // A live story is the newsroom's: its server decides what this person may read and write there
  // (as the signed-in person, over the core's one connection); here only that they are the member.
  openLiveStory: 'member',
  sendLiveUpdate: 'member',
  sendLiveAwareness: 'member',
  closeLiveStory: 'member',
  savePerson: 'firstPerson',
  listArticles: 'member',
  queryArticles: 'member',
  queryArticleIds: 'member',
  embargoedArticles: 'member',
  libraryFacets: 'member',
  createArticle: 'member',
  getArticle: 'readArticle',
  saveArticle: 'editArticle',
  duplicateArticle: 'copyArticle',
  // The library decides whether the draft is untouched (revision 0, creation content); anything else is kept.
  discardUntouched: 'ownArticle',
  trashArticle: 'trash',
  restoreArticle: 'restoreFromTrash',
  // The checklist and embargo overrides need the whole article: decide.ts checks them once it is read.
  transitionArticle: 'transition',
  getHistory: 'readArticle',
  getVersion: 'readArticle',
  restoreVersion: 'editArticle',
  emptyTrash: 'emptyTrash',
  // Handed in by whoever may read the story (the newsroom records the signed-in person as its author);
  // listed to whoever may read it (the newsroom shows the desk all, anyone else their own); taken or
  // dropped by whoever may edit the story in its state now.
  submitLateRevision: 'readArticle',
  listLateRevisions: 'readArticle',
  decideLateRevision: 'editArticle',
  importPhoto: 'member',
  getPhotos: 'member',
  // Each article's embargo and any override are checked as it is exported (decide.ts: assertReleasable).
  exportArticles: 'member',
  importFiles: 'member',
  jobProgress: 'member',
  cancelJob: 'member',
  // Only opens the file manager on paths inside the export folder or the library (revealInFolder.ts).
  showInFolder: 'member',
  listBackups: 'member',
  getBackup: 'member',
  // A snapshot only adds a copy; anyone may take one before a risky change.
  createBackup: 'member',
  restoreBackup: 'restoreBackup',
  exportBackupArchive: 'admin',
  importBackupArchive: 'admin',
  // The library's admin here; the newsroom server decides for its own account too (admins only).
  uploadLibraryToNewsroom: 'admin',
  updateSettings: 'settings',
  importHouseStyle: 'houseStyle',
  // Writes the set in force into this machine's export folder; anyone may read the settings.
  exportHouseStyle: 'member',
};

/** Methods open before anyone has picked who they are. */
export const OPEN_METHODS = (Object.keys(ACCESS) as Method[]).filter((m) => ACCESS[m] === 'open');

/**
 * Settings sections and who changes them. `preferences`: anyone (the interface language, switched
 * from the header). `house`: the desk (editors and admins) — the house style every story starts
 * with: outlet, byline templates, the default article language, photo rules. `library`: admins
 * only — where exports (and backup archives) are written, the workflow table and checklist, the
 * backup schedule, the house-style rules and word list.
 */
export type SettingsSection = 'preferences' | 'house' | 'library';
export const SETTINGS_SECTIONS: Record<keyof SettingsPatch, SettingsSection> = {
  uiLanguage: 'preferences',
  defaultArticleLanguage: 'house',
  bylineTemplates: 'house',
  defaultTemplateIds: 'house',
  photos: 'house',
  outlet: 'house',
  exportDir: 'library',
  workflow: 'library',
  backups: 'library',
  // The house-style rules every story is checked against and the newsroom's word list: a rule set
  // runs patterns on everyone's copy, so it is the admin's (importHouseStyle is decided here too).
  houseStyle: 'library',
};
/** The desk: who runs the copy flow day to day. */
const DESK: readonly Role[] = ['editor', 'admin'];

export const SECTION_ROLES: Record<SettingsSection, readonly Role[]> = {
  preferences: ['reporter', 'editor', 'admin'],
  house: DESK,
  library: ['admin'],
};

export function mayChangeSettings(role: Role, section: SettingsSection): boolean {
  return SECTION_ROLES[section].includes(role);
}

/** What the gate knows about the article a request names, read from the library's index. */
export interface ArticleFacts {
  status: ArticleStatus;
  trashed: boolean;
  ownerId: string | null;
  /** The names in its byline (a co-bylined reporter sees a shared draft; visibility.ts). */
  bylineNames: readonly string[];
}

export interface AccessContext {
  /** The person with this id, or null if the library has none (active or not). */
  personOf(id: string): Person | null;
  /** The article with this id as the index has it, or null if there is none. */
  articleOf(id: string): ArticleFacts | null;
  permissions: PermissionTable;
  /** The library has people now / has ever had people (recorded durably; see item 7 of issue 12). */
  people: { now: number; ever: boolean };
}

/** The parts of a parsed contract input the rules look at. */
export interface AccessRequest {
  actor?: string | null;
  id?: string;
  action?: WorkflowAction;
  ids?: readonly string[];
  [key: string]: unknown;
}

const forbidden = (message: string, params: Record<string, string>) => new ApiError('forbidden', message, params);

/**
 * Why this role may not restore from a backup, or null: articles back are the desk's call
 * (editors and admins), the whole library (people, settings) the admin's.
 */
export function refuseBackupRestore(role: Role, wholeLibrary: boolean): ApiError | null {
  const [allowed, action] = wholeLibrary ? [role === 'admin', 'restoreLibrary'] : [DESK.includes(role), 'restoreBackup'];
  return allowed ? null : forbidden(`${role} may not ${action}`, { reason: 'role', action, role });
}

/**
 * The decision for one request: null when it may go ahead, else the error to send back. A person
 * is checked before the article, so an unknown caller learns nothing about what exists.
 */
export function decideAccess(method: Method, req: AccessRequest, ctx: AccessContext): ApiError | null {
  const rule = ACCESS[method];
  if (rule === 'open') return null;
  if (rule === 'firstPerson' && (req.actor === null || req.actor === undefined) && ctx.people.now === 0) {
    // The first admin of a library that never had people; a library that lost its people file must get it back.
    return ctx.people.ever ? forbidden('this library had people; its people file is missing', { reason: 'peopleLost' }) : null;
  }
  const found = typeof req.actor === 'string' ? ctx.personOf(req.actor) : null;
  if (!found || !found.active) return forbidden(`unknown or inactive person ${String(req.actor)}`, { reason: 'unknownPerson' });
  const person = found;
  const role = person.role;
  const byRole = (ok: boolean, action: string) => (ok ? null : forbidden(`${role} may not ${action}`, { reason: 'role', action, role }));

  switch (rule) {
    case 'member':
      return null;
    case 'firstPerson':
      return byRole(role === 'admin', 'people');
    case 'admin':
      return byRole(role === 'admin', method);
    case 'emptyTrash':
      return refuseEmptyTrash(role);
    case 'restoreBackup':
      return refuseBackupRestore(role, !req.ids);
    case 'settings': {
      for (const [key, value] of Object.entries(req)) {
        if (key === 'actor' || value === undefined) continue;
        const section = SETTINGS_SECTIONS[key as keyof SettingsPatch] ?? 'library';
        if (!mayChangeSettings(role, section)) return forbidden(`${role} may not change ${key}`, { reason: 'role', action: 'settings', section, role });
      }
      return null;
    }
    case 'houseStyle': {
      const section = SETTINGS_SECTIONS.houseStyle;
      return mayChangeSettings(role, section) ? null : forbidden(`${role} may not change houseStyle`, { reason: 'role', action: 'settings', section, role });
    }
    default:
      return decideOnArticle(rule, req, ctx, person);
  }
}

function decideOnArticle(rule: Rule, req: AccessRequest, ctx: AccessContext, person: Person): ApiError | null {
  const id = String(req.id ?? '');
  const article = ctx.articleOf(id);
  // A file the index could not take (damaged, or from a newer Copydesk) is the library's to explain when it reads it.
  // A draft already discarded (by another window leaving it) is nothing to refuse: the library answers `discarded: false`.
  if (!article) return rule === 'readArticle' || rule === 'ownArticle' ? null : new ApiError('notFound', `article ${id} not found`, { id });
  // A draft this person may not see answers as if it did not exist (visibility.ts).
  if (!maySee(ctx.permissions, person, article)) return new ApiError('notFound', `article ${id} not found`, { id });
  const { role } = person;
  const inTrash = () => inTheTrash({ id, status: article.status });
  switch (rule) {
    case 'readArticle':
      return null;
    case 'copyArticle':
      return article.trashed ? inTrash() : null;
    case 'ownArticle':
      return article.ownerId === person.id ? null : forbidden(`only the owner may discard article ${id}`, { reason: 'role', action: 'discard', role });
    case 'editArticle':
      if (article.trashed) return inTrash();
      return canEdit(ctx.permissions, role, article.status)
        ? null
        : forbidden(`${role} cannot edit an article that is ${article.status}`, { reason: 'readOnly', state: article.status, role });
    case 'transition': {
      const action = req.action as WorkflowAction;
      if (!may(ctx.permissions, role, action)) return forbidden(`${role} may not ${action}`, { reason: 'role', action, role });
      if (article.trashed) return inTrash();
      if (!TRANSITIONS[action].from.includes(article.status)) {
        return forbidden(`cannot ${action} an article that is ${article.status}`, { reason: 'state', action, state: article.status });
      }
      return null;
    }
    case 'trash':
    case 'restoreFromTrash':
      return refuseTrashMove(ctx.permissions, person, { ...article, id }, rule === 'trash');
    default:
      return forbidden(`no rule ${rule}`, { reason: 'role' });
  }
}

/** Throws the refusal, for callers that act on the decision at once. */
export function assertAccess(method: Method, req: AccessRequest, ctx: AccessContext): void {
  const refusal = decideAccess(method, req, ctx);
  if (refusal) throw refusal;
}
