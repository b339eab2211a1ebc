// The one "has this file changed?" check: the library's index, the search index, backup snapshots
// and the restore preview each remember a file's size and modification time, and read it again
// only when either differs. Every write here replaces the file (atomicWrite), so a change shows as
// a new time; the size catches a tool that restores the old time after editing.

/** What is remembered of a file to notice a change: bytes and modification time (ms, as fs.stat gives it). */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
}

/** The fingerprint in a stat result (or anything with size and mtimeMs), without the rest. */
export function fingerprintOf(s: FileFingerprint): FileFingerprint {
  return { size: s.size, mtimeMs: s.mtimeMs };
}

/** True when both are known and the file is as it was; anything unknown counts as changed. */
export function sameFile(known: FileFingerprint | null | undefined, now: FileFingerprint | null | undefined): boolean {
  return !!known && !!now && known.size === now.size && known.mtimeMs === now.mtimeMs;
}
