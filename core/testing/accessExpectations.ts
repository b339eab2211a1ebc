// Who may call which contract method, on a reporter's story in each state, written out by hand
// (not read from shared/workflow/access.ts) so that a method added without a rule, or a rule that
// drifts, fails. The desktop core's access test and the newsroom server's walk the same table.
import type { Method } from '../../shared/contract/api';
import type { ArticleStatus } from '../../shared/model/article';
import type { Role } from '../../shared/model/person';
import type { WorkflowAction } from '../../shared/workflow/transitions';

export type Who = Role | 'unknown' | 'inactive' | 'none';
export type State = ArticleStatus | 'trashed';
export const WHO: Who[] = ['reporter', 'editor', 'admin', 'unknown', 'inactive', 'none'];
export const STATES: State[] = ['draft', 'sent', 'review', 'approved', 'returned', 'published', 'spiked', 'trashed'];
export const UNKNOWN = 'nobody-0000-0000';

export const DESK: Role[] = ['editor', 'admin'];
const EVERYONE: Role[] = ['reporter', 'editor', 'admin'];
const EDITABLE: Partial<Record<State, Role[]>> = { draft: EVERYONE, returned: EVERYONE, review: DESK };
/** The step each state's test takes (a trashed story is a published one in the trash). */
export const STEP: Record<State, WorkflowAction> = {
  draft: 'send',
  sent: 'review',
  review: 'approve',
  approved: 'publish',
  returned: 'send',
  published: 'correct',
  spiked: 'restore',
  trashed: 'correct',
};
const STEP_ROLES: Record<WorkflowAction, Role[]> = {
  send: EVERYONE,
  recall: EVERYONE,
  review: DESK,
  return: DESK,
  approve: DESK,
  reopen: DESK,
  publish: DESK,
  spike: DESK,
  restore: DESK,
  correct: DESK,
};

/**
 * `open`: anyone, even before saying who they are. Otherwise the roles allowed in a state (the
 * article in that state is a reporter's; unknown, inactive and unnamed callers are always refused).
 */
export type Expectation = 'open' | ((role: Role, state: State) => boolean);
const member = () => true;
export const EXPECT: Record<Method, Expectation> = {
  getAppInfo: 'open',
  getLibraryInfo: 'open',
  listPeople: 'open',
  getSettings: 'open',
  connectNewsroom: 'open',
  disconnectNewsroom: 'open',
  openLiveStory: member,
  sendLiveUpdate: member,
  sendLiveAwareness: member,
  closeLiveStory: member,
  savePerson: (r) => r === 'admin',
  listArticles: member,
  queryArticles: member,
  queryArticleIds: member,
  embargoedArticles: member,
  libraryFacets: member,
  createArticle: member,
  getArticle: member,
  getHistory: member,
  getVersion: member,
  saveArticle: (r, s) => EDITABLE[s]?.includes(r) ?? false,
  restoreVersion: (r, s) => EDITABLE[s]?.includes(r) ?? false,
  duplicateArticle: (_r, s) => s !== 'trashed',
  // Only the owner (every fixture is the reporter's), in any state; a saved story is kept (discarded: false).
  discardUntouched: (r) => r === 'reporter',
  // The reporter bins only their own copy while it is theirs; the desk any copy.
  trashArticle: (r, s) => s !== 'trashed' && (DESK.includes(r) || s === 'draft' || s === 'returned'),
  // A published story in the trash comes back only by the desk's hand.
  restoreArticle: (r, s) => s === 'trashed' && DESK.includes(r),
  transitionArticle: (r, s) => s !== 'trashed' && STEP_ROLES[STEP[s]].includes(r),
  emptyTrash: (r) => r === 'admin',
  importPhoto: member,
  uploadLibraryToNewsroom: (r) => r === 'admin',
  getPhotos: member,
  submitLateRevision: member,
  listLateRevisions: member,
  decideLateRevision: (r, s) => EDITABLE[s]?.includes(r) ?? false,
  exportArticles: member,
  importFiles: member,
  jobProgress: member,
  cancelJob: member,
  showInFolder: member,
  listBackups: member,
  getBackup: member,
  createBackup: member,
  restoreBackup: (r) => DESK.includes(r),
  exportBackupArchive: (r) => r === 'admin',
  importBackupArchive: (r) => r === 'admin',
  // A house setting (the outlet): the desk's.
  updateSettings: (r) => DESK.includes(r),
  // The house-style rules are the admin's; exporting them (into this machine's export folder) anyone's.
  importHouseStyle: (r) => r === 'admin',
  exportHouseStyle: member,
};

