// 원고지 매수 two ways — the quick estimate a desk does in its head and the grid simulation — and
// progress towards an editor's length target.
import type { LengthTarget } from '../model/article';
import type { DocNode } from '../model/article';
import { blockTexts, countBlocks, type BlockCounts } from './countBody';

export const CELLS_PER_SHEET = 200;
export const ROWS_PER_SHEET = 10;

export function toSheets(c: BlockCounts): { quick: number; grid: number } {
  return { quick: c.chars / CELLS_PER_SHEET, grid: c.rows / ROWS_PER_SHEET };
}

/** Fraction of the target reached (1 = on target), or null without a target. */
export function lengthProgress(c: BlockCounts, target: LengthTarget | null): number | null {
  if (!target) return null;
  const reached = target.unit === 'sheets' ? toSheets(c).grid : target.unit === 'chars' ? c.chars : c.words;
  return reached / target.value;
}

/** The body's 매수 as the editor's counts panel shows it on the grid (the library list shows it per row). */
export function bodySheets(body: DocNode): number {
  return toSheets(countBlocks(blockTexts(body).body)).grid;
}
