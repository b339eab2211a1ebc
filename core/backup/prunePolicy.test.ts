import { describe, expect, it } from 'vitest';
import { snapshotsToKeep, UNDO_KEEP_MS, type PruneCandidate } from './prunePolicy';

const utc = () => 0;
const seoul = () => 540;
const HOUR = 3600_000;

function at(iso: string, reason: PruneCandidate['reason'] = 'scheduled', addedAt = iso): PruneCandidate {
  return { id: iso, createdAt: iso, addedAt, reason };
}

/** A snapshot on the hour, every hour, for `days` days up to `end`. */
function hourly(end: string, days: number): PruneCandidate[] {
  const last = Date.parse(end);
  return Array.from({ length: days * 24 }, (_, i) => at(new Date(last - i * HOUR).toISOString()));
}

describe('which snapshots the retention rule keeps', () => {
  // 2026-11-27 is a Friday.
  const now = new Date('2026-11-27T12:30:00Z');

  it('keeps the newest of each of the last N hours, days and weeks', () => {
    const all = hourly('2026-11-27T12:00:00.000Z', 30);
    const keep = snapshotsToKeep(all, { hourly: 24, daily: 7, weekly: 4 }, now, utc);
    const expected = new Set<string>();
    for (let h = 0; h < 24; h++) expected.add(new Date(Date.parse('2026-11-27T12:00:00Z') - h * HOUR).toISOString());
    // Days: today's newest is 12:00 (already kept); the six days before keep their 23:00.
    for (const d of ['26', '25', '24', '23', '22', '21']) expected.add(`2026-11-${d}T23:00:00.000Z`);
    // Weeks run Monday to Sunday: this week's newest is today's, last week's is Sunday 22nd (a daily),
    // then Sunday 15th and Sunday 8th.
    expected.add('2026-11-15T23:00:00.000Z');
    expected.add('2026-11-08T23:00:00.000Z');
    expect([...keep].sort()).toEqual([...expected].sort());
  });

  it('counts hours, days and weeks that have a snapshot, so a long pause does not empty the backups', () => {
    // Closed for three weeks: the last working day's snapshots stay hourly.
    const before = hourly('2026-11-06T18:00:00.000Z', 2);
    const keep = snapshotsToKeep(before, { hourly: 3, daily: 2, weekly: 0 }, now, utc);
    expect([...keep].sort()).toEqual(['2026-11-05T23:00:00.000Z', '2026-11-06T16:00:00.000Z', '2026-11-06T17:00:00.000Z', '2026-11-06T18:00:00.000Z']);
  });

  it('keeps only the newest when every count is zero', () => {
    const keep = snapshotsToKeep(hourly('2026-11-27T12:00:00.000Z', 2), { hourly: 0, daily: 0, weekly: 0 }, now, utc);
    expect([...keep]).toEqual(['2026-11-27T12:00:00.000Z']);
  });

  it('keeps the newest snapshot in each hour, not the first', () => {
    const all = [at('2026-11-27T11:05:00.000Z'), at('2026-11-27T11:55:00.000Z'), at('2026-11-27T12:10:00.000Z')];
    expect([...snapshotsToKeep(all, { hourly: 2, daily: 0, weekly: 0 }, now, utc)].sort()).toEqual(['2026-11-27T11:55:00.000Z', '2026-11-27T12:10:00.000Z']);
  });

  it('draws days and weeks in local time', () => {
    // 14:30Z and 15:30Z are one day in UTC but two in Seoul (23:30 and 00:30).
    const all = [at('2026-11-26T14:30:00.000Z'), at('2026-11-26T15:30:00.000Z')];
    expect(snapshotsToKeep(all, { hourly: 0, daily: 2, weekly: 0 }, now, utc).size).toBe(1);
    expect(snapshotsToKeep(all, { hourly: 0, daily: 2, weekly: 0 }, now, seoul).size).toBe(2);
    // Sunday 23:00 and Monday 01:00 in Seoul fall in two weeks.
    const weekEdge = [at('2026-11-22T14:00:00.000Z'), at('2026-11-22T16:00:00.000Z')];
    expect(snapshotsToKeep(weekEdge, { hourly: 0, daily: 0, weekly: 2 }, now, seoul).size).toBe(2);
    expect(snapshotsToKeep(weekEdge, { hourly: 0, daily: 0, weekly: 2 }, now, utc).size).toBe(1);
  });

  it('keeps a snapshot made by hand, before a restore or from an archive for a week after it arrived', () => {
    const undo = at('2026-11-27T10:10:00.000Z', 'beforeRestore');
    const manual = at('2026-11-27T10:20:00.000Z', 'manual');
    const oldUndo = at('2026-11-10T10:10:00.000Z', 'beforeRestore');
    const oldManual = at('2026-11-10T10:20:00.000Z', 'manual');
    const imported = at('2025-01-01T00:00:00.000Z', 'import', new Date(now.getTime() - UNDO_KEEP_MS + HOUR).toISOString());
    const all = [undo, manual, oldUndo, oldManual, imported, at('2026-11-27T10:50:00.000Z'), at('2026-11-27T12:00:00.000Z')];
    const keep = snapshotsToKeep(all, { hourly: 1, daily: 0, weekly: 0 }, now, utc);
    expect([...keep].sort()).toEqual([imported.id, undo.id, manual.id, '2026-11-27T12:00:00.000Z'].sort());
  });
});
