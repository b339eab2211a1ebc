// Which snapshots to keep: the newest of each of the last `hourly` hours that have one, of the last
// `daily` days and of the last `weekly` weeks (Monday to Sunday), in the machine's time zone.
// "Last N that have one" rather than "within N hours of now": a laptop closed for a fortnight
// comes back with its hourly and daily snapshots from before, not with only the weekly ones.
// The newest snapshot is always kept, and so is one somebody asked for ("Back up now"), one taken
// before a restore and one imported from an archive, for a week after it arrived: the schedule
// never takes away a backup a person made on purpose, or the way back from a restore.
import type { BackupSettings } from '../../shared/model/settings';
import type { BackupReason } from '../../shared/model/backup';
import { byNewest } from '../../shared/time/newestFirst';

export interface PruneCandidate {
  id: string;
  createdAt: string;
  addedAt: string;
  reason: BackupReason;
}

export const UNDO_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Minutes east of UTC at that moment (Seoul: 540). */
export type OffsetMinutes = (at: Date) => number;
export const localOffset: OffsetMinutes = (at) => -at.getTimezoneOffset();

/** Days since 1970-01-01 (a Thursday) in local time; weeks start on Monday. */
function localDay(ms: number, offset: OffsetMinutes): number {
  return Math.floor((ms + offset(new Date(ms)) * 60_000) / DAY);
}

const BUCKETS: { key: (ms: number, offset: OffsetMinutes) => number; count: (p: BackupSettings) => number }[] = [
  { key: (ms, o) => Math.floor((ms + o(new Date(ms)) * 60_000) / HOUR), count: (p) => p.hourly },
  { key: (ms, o) => localDay(ms, o), count: (p) => p.daily },
  { key: (ms, o) => Math.floor((localDay(ms, o) + 3) / 7), count: (p) => p.weekly },
];

export function snapshotsToKeep(
  snapshots: readonly PruneCandidate[],
  policy: Pick<BackupSettings, 'hourly' | 'daily' | 'weekly'>,
  now: Date,
  offset: OffsetMinutes = localOffset,
): Set<string> {
  const newestFirst = [...snapshots].sort(byNewest((s) => s.createdAt, (s) => s.id));
  const keep = new Set<string>();
  if (newestFirst.length) keep.add(newestFirst[0].id);
  for (const bucket of BUCKETS) {
    const wanted = bucket.count(policy as BackupSettings);
    const seen = new Set<number>();
    for (const s of newestFirst) {
      if (seen.size >= wanted) break;
      const key = bucket.key(Date.parse(s.createdAt), offset);
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(s.id); // walking newest first, the first in a bucket is its newest
    }
  }
  for (const s of newestFirst) {
    if (s.reason !== 'scheduled' && now.getTime() - Date.parse(s.addedAt) < UNDO_KEEP_MS) keep.add(s.id);
  }
  return keep;
}
