// Limits of the contract that callers must know too (the renderer asks for at most this many).
// Kept apart from api.ts so a caller can import a number without the schemas.

/**
 * Most article ids one call takes or gives: select-all and "export what is listed" (queryArticleIds),
 * the embargo check, an export, a restore of chosen articles. The list ticks at most this many.
 */
export const MAX_ARTICLE_IDS = 5000;
