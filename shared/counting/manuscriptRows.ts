// The 원고지 grid simulation for one paragraph: how many 20-cell rows it fills on manuscript paper.
// Rules (the common 원고지 conventions a desk applies):
// - a paragraph starts a new row and leaves its first cell empty (indent);
// - every character takes one cell, except that two consecutive half-width letters or digits
//   share one cell;
// - a space that would open a row (other than the indent) is not written;
// - closing punctuation that would open a row hangs in the previous row's last cell instead;
// - an empty paragraph takes no row, so blank lines do not inflate the count.
import { graphemesOf } from './countText';

export const CELLS_PER_ROW = 20;
const HALF_WIDTH = /^[A-Za-z0-9]$/;
const SPACE = /^\s+$/u;
const CLOSING = new Set(['.', ',', '?', '!', ':', ';', '’', '”', ')', ']', '」', '』', '》', '〉', '…', '·', '%']);

export function manuscriptRows(paragraph: string): number {
  const chars = graphemesOf(paragraph.trim());
  if (chars.length === 0) return 0;
  let rows = 1;
  let cell = 1; // the indent
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const atRowStart = cell === CELLS_PER_ROW;
    if (atRowStart) {
      if (SPACE.test(ch)) continue; // dropped at a row start; it is not carried either
      if (CLOSING.has(ch)) continue; // hangs in the last cell of the full row
      rows++;
      cell = 0;
    }
    if (HALF_WIDTH.test(ch) && HALF_WIDTH.test(chars[i + 1] ?? '')) i++; // a pair shares a cell
    cell++;
  }
  return rows;
}
