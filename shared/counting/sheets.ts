// 원고지 매수 two ways — the quick estimate a desk does in its head and the grid simulation — and
// progress towards an editor's length target.
import type { LengthTarget } from '../model/article';
import type { DocNode } from '../model/article';
import { blockTexts, type BlockCounts } from './countBody';
import { manuscriptRows } from './manuscriptRows';

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

/**
 * The body's 매수 on the grid, as the editor's counts panel shows it (the library list shows it per
 * row). Only the grid rows are counted: the core does this on every save, and words and characters
 * (the word segmenter) would cost more for nothing here. `rowsOf` may remember paragraphs already counted.
 */
export function bodySheets(body: DocNode, rowsOf: (paragraph: string) => number = manuscriptRows): number {
  return blockTexts(body).body.reduce((rows, text) => rows + rowsOf(text), 0) / ROWS_PER_SHEET;
}
