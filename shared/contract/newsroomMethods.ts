// The contract methods a newsroom server answers. The server serves exactly these
// (server/contract/serverHandlers.ts), and a desktop core whose library is bound to a newsroom
// sends exactly these there; the rest (files, folders, local backups, jobs) stay on the machine.
import type { Method } from './api';

export const NEWSROOM_METHODS = [
  'getSettings',
  'updateSettings',
  // Proven again on the server (it never takes a client's word that a pattern is safe).
  'importHouseStyle',
  'listPeople',
  'listArticles',
  'queryArticles',
  'queryArticleIds',
  'libraryFacets',
  'embargoedArticles',
  'createArticle',
  'getArticle',
  'saveArticle',
  'duplicateArticle',
  'discardUntouched',
  'trashArticle',
  'restoreArticle',
  'transitionArticle',
  'getHistory',
  'getVersion',
  'restoreVersion',
  'emptyTrash',
  'getPhotos',
  'submitLateRevision',
  'listLateRevisions',
  'decideLateRevision',
] as const satisfies readonly Method[];
export type NewsroomMethod = (typeof NEWSROOM_METHODS)[number];

export function isNewsroomMethod(method: Method): method is NewsroomMethod {
  return (NEWSROOM_METHODS as readonly Method[]).includes(method);
}
