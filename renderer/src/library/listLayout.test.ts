import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTHS, headlineRoom, listColumns } from './listLayout';

// The list at a 1280 px window: the library's 24 px margins each side and the table's 1 px border.
const TABLE_AT_1280 = 1280 - 2 * 24 - 2;
// A 40-character Korean headline, bold at 14 px: Hangul is about 1 em wide, so 40 em is the most it needs.
const LONG_KOREAN_HEADLINE = 40 * 14;

describe('the library list layout', () => {
  it('gives the headline room for a 40-character Korean headline at 1280 px, with or without the selection column', () => {
    expect(headlineRoom(TABLE_AT_1280, true)).toBeGreaterThanOrEqual(LONG_KOREAN_HEADLINE);
    expect(headlineRoom(TABLE_AT_1280, false)).toBe(headlineRoom(TABLE_AT_1280, true) + COLUMN_WIDTHS.select);
  });

  it('gives a long headline most of the row at 1280 px: two lines hold 90 Korean characters, the fixed columns under half the width', () => {
    expect(2 * headlineRoom(TABLE_AT_1280, true)).toBeGreaterThanOrEqual(90 * 14);
    const fixed = Object.values(COLUMN_WIDTHS).reduce((a, b) => a + b, 0);
    expect(fixed).toBeLessThan(TABLE_AT_1280 / 2);
  });

  it('has one flexible column, the headline’s, and the 매수 and photo columns beside it', () => {
    const { sheets, photos, status, updated, actions } = COLUMN_WIDTHS;
    const rest = `minmax(0, 1fr) ${sheets}px ${photos}px ${status}px ${updated}px ${actions}px`;
    expect(listColumns(true)).toBe(`36px ${rest}`);
    expect(listColumns(false)).toBe(rest);
    expect(listColumns(true).match(/fr/g)).toHaveLength(1);
  });
});
