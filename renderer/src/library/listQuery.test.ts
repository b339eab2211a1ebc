import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayStart, isDefaultFilters, listQuery, NO_FILTERS, toQueryFilters } from './listQuery';

describe('filters as the core reads them', () => {
  const tz = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Asia/Seoul';
  });
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('turns a local day range into [start of the first day, start of the day after the last)', () => {
    const f = toQueryFilters({ ...NO_FILTERS, from: '2026-03-01', to: '2026-03-31' });
    expect(f.from).toBe('2026-02-28T15:00:00.000Z');
    expect(f.to).toBe('2026-03-31T15:00:00.000Z');
    expect(toQueryFilters(NO_FILTERS)).toEqual({ state: 'all', desk: '', reporter: '', tag: '', from: null, to: null });
  });

  it('rolls over month and year ends and refuses malformed days', () => {
    expect(dayStart('2025-12-31', 1)).toBe('2025-12-31T15:00:00.000Z');
    expect(dayStart('')).toBeNull();
    expect(dayStart('2025-1-5')).toBeNull();
  });

  it('follows summer time where the zone has it', () => {
    process.env.TZ = 'America/New_York';
    // 8 March 2026 is 23 hours long in New York.
    expect(dayStart('2026-03-08')).toBe('2026-03-08T05:00:00.000Z');
    expect(dayStart('2026-03-08', 1)).toBe('2026-03-09T04:00:00.000Z');
  });
});

describe('the list query', () => {
  it('trims the text and never filters the trash', () => {
    const filters = { ...NO_FILTERS, state: 'draft' as const, tag: '배터리' };
    expect(listQuery('active', '  배터리 ', filters, 'headline')).toMatchObject({ scope: 'active', text: '배터리', order: 'headline', filters: { state: 'draft', tag: '배터리' } });
    expect(listQuery('trash', '', filters, 'headline')).toMatchObject({ scope: 'trash', order: 'updated', filters: { state: 'all', tag: '' } });
    expect(listQuery('trash', 'x', filters, 'headline').order).toBe('auto');
    expect(listQuery('active', 'a'.repeat(600), NO_FILTERS, 'auto').text).toHaveLength(500);
  });

  it('knows when no filter is set', () => {
    expect(isDefaultFilters({ ...NO_FILTERS })).toBe(true);
    expect(isDefaultFilters({ ...NO_FILTERS, reporter: 'p1' })).toBe(false);
  });
});
