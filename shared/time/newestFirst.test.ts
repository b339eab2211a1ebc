import { describe, expect, it } from 'vitest';
import { byNewest, newestFirst } from './newestFirst';

describe('newest first', () => {
  it('puts the later time first, across days, months and years, and keeps equal times equal', () => {
    const times = ['2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00.000Z', '2025-01-01T09:00:00.000Z', '2025-10-02T00:00:00.000Z', '2025-02-10T00:00:00.000Z'];
    expect([...times].sort(newestFirst)).toEqual(['2025-10-02T00:00:00.000Z', '2025-02-10T00:00:00.000Z', '2025-01-01T09:00:00.000Z', '2025-01-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z']);
    expect(newestFirst('2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')).toBe(0);
    // Written with other precision, the instant still decides (as text, 'Z' would sort after '.5').
    expect(['2025-01-01T00:00:00Z', '2025-01-01T00:00:00.500Z'].sort(newestFirst)).toEqual(['2025-01-01T00:00:00.500Z', '2025-01-01T00:00:00Z']);
    expect(newestFirst('2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z')).toBe(0);
  });

  it('orders equal times by id, larger first, whatever order they came in', () => {
    const rows = [{ at: '2025-01-01T00:00:00.000Z', id: 'a' }, { at: '2025-01-02T00:00:00.000Z', id: 'b' }, { at: '2025-01-01T00:00:00.000Z', id: 'c' }];
    const order = (list: typeof rows) => [...list].sort(byNewest((r) => r.at, (r) => r.id)).map((r) => r.id);
    expect(order(rows)).toEqual(['b', 'c', 'a']);
    expect(order([...rows].reverse())).toEqual(['b', 'c', 'a']);
  });
});
