// How many bytes one request body may carry, per contract method: the browser host refuses
// anything bigger before reading it, and the bridge refuses it before sending. The byte-carrying
// methods get the contract's own ceiling (bytes travel raw, see requestBody.ts) plus room for the
// JSON around them; everything else is small.
import { MAX_BACKUP_ARCHIVE_BYTES, MAX_IMPORT_BYTES, MAX_PHOTO_BYTES, MAX_RULE_SET_BODY_BYTES, type Method } from '../shared/contract/api';

const MiB = 1024 * 1024;

/** Ordinary calls: ids, queries, settings, a note. 5,000 ids are about 200 KB. */
export const DEFAULT_BODY_LIMIT = 2 * MiB;

export const BODY_LIMITS: Partial<Record<Method, number>> = {
  // One article's content as JSON (photos are references): a 100,000-character story is under 1 MB.
  saveArticle: 16 * MiB,
  // One Yjs update from a live story's window (a large paste); YUpdateSchema's own ceiling, base64.
  sendLiveUpdate: 16 * MiB + 64 * 1024,
  importPhoto: MAX_PHOTO_BYTES + 64 * 1024,
  // Every file of one import together: the whole request gets one file's ceiling (500 names fit in 1 MB).
  importFiles: MAX_IMPORT_BYTES + MiB,
  importBackupArchive: MAX_BACKUP_ARCHIVE_BYTES + 64 * 1024,
  // A house-style rule set file's text (Settings › House style › Import…).
  importHouseStyle: MAX_RULE_SET_BODY_BYTES,
};

export function bodyLimit(method: Method): number {
  return BODY_LIMITS[method] ?? DEFAULT_BODY_LIMIT;
}

/** The limit as the error envelope states it (`tooLarge` with `limitMB`). */
export function limitMB(limit: number): number {
  return Math.floor(limit / MiB);
}
