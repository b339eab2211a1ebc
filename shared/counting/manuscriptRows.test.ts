import { describe, expect, it } from 'vitest';
import { manuscriptRows } from './manuscriptRows';

const han = (n: number) => '가'.repeat(n);

describe('manuscriptRows (원고지 grid)', () => {
  it('indents the first row by one cell', () => {
    // indent + 19 syllables = exactly 20 cells: one row. The 20th syllable opens row two.
    expect(manuscriptRows(han(19))).toBe(1);
    expect(manuscriptRows(han(20))).toBe(2);
    // 1 + 39 = 40 cells = two full rows; one more opens a third.
    expect(manuscriptRows(han(39))).toBe(2);
    expect(manuscriptRows(han(40))).toBe(3);
  });

  it('takes no row for an empty paragraph', () => {
    expect(manuscriptRows('')).toBe(0);
    expect(manuscriptRows('   ')).toBe(0);
  });

  it('does not write a space that would open a row', () => {
    // indent + 19 fills the row; the space would open row two and is dropped, 나 opens it instead.
    expect(manuscriptRows(han(19) + ' 나')).toBe(2);
    // Where it matters: 19 + space + 20 fills exactly two rows; were the space written at the
    // start of row two, the last syllable would spill into a third.
    expect(manuscriptRows(han(19) + ' ' + han(20))).toBe(2);
    expect(manuscriptRows(han(19) + ' ' + han(21))).toBe(3);
  });

  it('hangs closing punctuation in the last cell instead of opening a row', () => {
    expect(manuscriptRows(han(19) + '.')).toBe(1);
    expect(manuscriptRows(han(19) + '.”')).toBe(1);
    expect(manuscriptRows(han(18) + '.')).toBe(1); // the period simply takes the 20th cell
    expect(manuscriptRows(han(19) + '가.')).toBe(2);
  });

  it('puts two half-width letters or digits in one cell', () => {
    // indent + 38 letters in 19 cells = one row; 39 letters need a 20th... 20 cells: still one row.
    expect(manuscriptRows('a'.repeat(38))).toBe(1);
    expect(manuscriptRows('a'.repeat(39))).toBe(2);
    expect(manuscriptRows('2030년')).toBe(1);
    // 2030 = 2 cells, 년 = 1: indent + 3 = 4 cells; add 16 syllables = 20: still one row.
    expect(manuscriptRows('2030년' + han(16))).toBe(1);
    expect(manuscriptRows('2030년' + han(17))).toBe(2);
  });
});
