// Numbers the library list's layout and typing rhythm depend on (the e2e specs read them too).

/** Row heights in px, fixed: the list's height is rows × height. A search result shows its snippet under the headline. */
export const ROW_HEIGHT = 60;
export const RESULT_ROW_HEIGHT = 84;
export const HEADER_HEIGHT = 36;

/** Plain typing is searched after this pause; an IME's committed syllable at once. */
export const SEARCH_DEBOUNCE_MS = 150;
