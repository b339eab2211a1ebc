import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './DeskPanel';

describe('embargo time field', () => {
  it('shows a stored time in local time and stores what is typed as an instant', () => {
    const iso = fromLocalInput('2026-12-01T09:30');
    expect(iso).toBe(new Date(2026, 11, 1, 9, 30).toISOString());
    expect(toLocalInput(iso)).toBe('2026-12-01T09:30');
  });
  it('treats an empty or broken value as no embargo', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});
