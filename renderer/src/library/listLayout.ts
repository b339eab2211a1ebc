// Numbers the library list's layout and typing rhythm depend on (the e2e specs read them too).

/**
 * Row heights in px, fixed: the list's height is rows × height. A row has room for a headline of
 * two lines and the byline under it; a search result shows its snippet under the headline.
 */
export const ROW_HEIGHT = 64;
export const RESULT_ROW_HEIGHT = 84;
export const HEADER_HEIGHT = 36;

/** Plain typing is searched after this pause; an IME's committed syllable at once. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * The list's columns in px, all fixed but the headline's, which takes the rest: the byline sits
 * under the headline, so no column of its own stands half empty beside a cut headline, and the
 * row's actions are icon buttons (named for assistive tech and on hover), not words.
 */
export const COLUMN_WIDTHS = { select: 36, sheets: 68, photos: 56, status: 136, updated: 124, actions: 88 } as const;
/** Each cell's padding, left and right together (app.css `.article-table__row > [role='cell']`). */
export const CELL_PADDING = 24;

/** The grid template of a list row (and its header). */
export function listColumns(selectable: boolean): string {
  const { select, sheets, photos, status, updated, actions } = COLUMN_WIDTHS;
  const px = (w: number) => `${w}px`;
  return [...(selectable ? [px(select)] : []), 'minmax(0, 1fr)', ...[sheets, photos, status, updated, actions].map(px)].join(' ');
}

/** The width the headline's text gets in a list `tableWidth` px wide (inside its border). */
export function headlineRoom(tableWidth: number, selectable: boolean): number {
  const { select, sheets, photos, status, updated, actions } = COLUMN_WIDTHS;
  return tableWidth - (selectable ? select : 0) - sheets - photos - status - updated - actions - CELL_PADDING;
}
