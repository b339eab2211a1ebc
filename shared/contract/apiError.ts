// Errors and notices cross the process boundary as codes with parameters; the renderer translates
// them, so the core never builds a user-facing sentence. No zod here: the renderer's first load
// needs the codes, ApiError and `unwrap`, not the schemas (those are in errors.ts, which checks
// them where data crosses a boundary).

export const ERROR_CODES = [
  'invalidInput',
  'notFound',
  /** The save was based on an older revision than the one on disk. */
  'conflict',
  'diskFull',
  'readOnly',
  'writeFailed',
  /** `reason` is one of FORBIDDEN_REASONS; the UI has a sentence for each. */
  'forbidden',
  /** Return, correct and overrides must say why. */
  'noteRequired',
  /** Approval blocked; `missing` lists the checklist items, comma-separated. */
  'checklistFailed',
  /** Publication or export blocked until `until`. */
  'embargoed',
  /** A photo was refused; `reason` says why and `file` names it. */
  'photoRejected',
  /** A file could not be imported; `reason` is one of IMPORT_REASONS and `file` names it. Nothing was saved. */
  'importFailed',
  /** An export could not be written; `reason` is one of EXPORT_REASONS. */
  'exportFailed',
  /** The user cancelled a long task. */
  'cancelled',
  /** A backup could not be read, restored, exported or imported; `reason` is one of BACKUP_REASONS. Nothing was changed. */
  'backupFailed',
  /** A file or folder Copydesk needed is not there (moved or deleted meanwhile: ENOENT, ENOTDIR). */
  'fileMissing',
  /** Too many files open at once (EMFILE, ENFILE); it passes when other programs close theirs. */
  'tooManyOpenFiles',
  /** The disk or network share did not answer in time (ETIMEDOUT). */
  'timedOut',
  /** Another program holds the file (EBUSY: antivirus, sync client, an editor). */
  'fileBusy',
  /** Nested too deeply to process: the stack ran out before the end. */
  'tooDeep',
  /** Too large to process or to send; `limitMB` says the limit when there is one. */
  'tooLarge',
  /** Data that should have been JSON (a request, a stored file) is broken. */
  'malformedData',
  /** The browser host this window was opened from has restarted or stopped: its pass no longer opens the door. */
  'hostChanged',
  /** The newsroom server: the request has no session, or its session expired or was revoked (HTTP 401). */
  'notSignedIn',
  /** The newsroom server: wrong login or password, or a deactivated person (one answer for all, HTTP 401). */
  'signInFailed',
  /** The newsroom server: too many failed sign-ins; `retryAfterSeconds` says when to try again (HTTP 429). */
  'tooManyAttempts',
  /** The newsroom server cannot be reached (network down, server stopped); `server` names it. */
  'offline',
  /** The newsroom server: uploaded bytes whose SHA-256 is not the one the upload named (nothing was stored). */
  'hashMismatch',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];


/**
 * Why a `forbidden` error was raised: the role may not, the state does not allow it, the copy is
 * read-only, it is in the trash (restore it first), the library had people but lost its people
 * file (the first-admin path stays shut; restore people.json), the story is open live on the
 * newsroom server (`liveStory`: its fields and body change through its live document, never a save)…
 */
export const FORBIDDEN_REASONS = ['role', 'state', 'readOnly', 'trashed', 'unknownPerson', 'firstAdmin', 'peopleLost', 'lastAdmin', 'newerVersion', 'libraryLocked', 'outsideFolders', 'setupCode', 'notYou', 'origin', 'libraryNotEmpty', 'otherAccount', 'liveVersion', 'liveStory', 'libraryBound'] as const;

/** Why an import was refused; each has a sentence telling the user what to do. */
export const IMPORT_REASONS = [
  'unknownFormat', // not a format Copydesk reads
  'empty', // nothing that looks like an article
  'malformed', // broken XML/JSON/HTML/DOCX structure
  'hostile', // entity expansion, external entities, zip bomb, path traversal, …
  'tooLarge', // over the size limits
  'tooDeep', // nested deeper than any real article (lists, quotes, elements, JSON): refused before parsing
  'tooSlow', // a web page that took longer to read than its time limit (reading stopped, nothing kept)
  'notDocx', // .docx that is not a Word document
  'badPackage', // a .zip that is not a Copydesk package, or its checksums do not match
  'schema', // JSON that is not ninjs / not our article
  'encoding', // text in an encoding we cannot read
  'ruleSetTooSlow', // a house-style rule set file not proven within its time limit (proving stopped, nothing kept)
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export const EXPORT_REASONS = ['pdfUnavailable', 'photoMissing', 'writeFailed', 'renderFailed'] as const;
export type ExportReason = (typeof EXPORT_REASONS)[number];

/** Why a backup task was refused; each has a sentence telling the user what to do. */
export const BACKUP_REASONS = [
  'missing', // no such snapshot (pruned meanwhile)
  'damaged', // a file of the snapshot fails its checksum
  'notArchive', // not a Copydesk backup archive
  'tampered', // an archive whose files do not match their checksums, or that lacks some
  'hostile', // zip bomb, path traversal and friends
  'tooLarge', // over the archive limits, or more than the disk has free
  'newerVersion', // written by a newer Copydesk
] as const;
export type BackupFailureReason = (typeof BACKUP_REASONS)[number];

export type ErrorParams = Record<string, string | number>;

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  params: ErrorParams;
}

export const NOTICE_CODES = ['articleRecovered', 'articleQuarantined', 'indexRebuilt', 'settingsReset', 'peopleReset'] as const;
export interface Notice {
  code: (typeof NOTICE_CODES)[number];
  params: ErrorParams;
}

/** Thrown by the core and by the transports; `message` is for logs, `code` + `params` for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, params: this.params };
  }
}

/** The envelope every transport sends back, so a failure is data and never a lost exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Node's errno codes (and PostgreSQL's SQLSTATE for a full disk) and the error code each becomes; anything else is `internal`. */
const ERRNO_CODES: Record<string, ErrorCode> = {
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  // PostgreSQL's SQLSTATE disk_full (the newsroom server's store could not extend a file).
  '53100': 'diskFull',
  EROFS: 'readOnly',
  EACCES: 'readOnly',
  EPERM: 'readOnly',
  ENOENT: 'fileMissing',
  ENOTDIR: 'fileMissing',
  EMFILE: 'tooManyOpenFiles',
  ENFILE: 'tooManyOpenFiles',
  ETIMEDOUT: 'timedOut',
  EBUSY: 'fileBusy',
  // Node's own "this does not fit in a string or a buffer" errors.
  ERR_STRING_TOO_LONG: 'tooLarge',
  ERR_BUFFER_TOO_LARGE: 'tooLarge',
  ERR_FS_FILE_TOO_LARGE: 'tooLarge',
};

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // Node's errors carry an errno code; shared/ may not import Node, so read them structurally.
  const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
  const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (Object.prototype.hasOwnProperty.call(ERRNO_CODES, code)) return new ApiError(ERRNO_CODES[code], message);
  if (name === 'RangeError') {
    if (/call stack/i.test(message)) return new ApiError('tooDeep', message);
    if (/invalid (string|array|typed array) length|allocation failed|out of memory/i.test(message)) return new ApiError('tooLarge', message);
  }
  if (name === 'SyntaxError' && /JSON/.test(message)) return new ApiError('malformedData', message);
  // An AbortSignal fired (the user stopped a task) and something threw its DOMException.
  if (name === 'AbortError') return new ApiError('cancelled', message);
  return new ApiError('internal', message);
}

/** Client side: unwrap an envelope, re-raising failures as ApiError so the UI can translate the code.
 * It lives here, not beside `dispatch`, so a client loads only the errors, not the whole contract. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.params);
}
