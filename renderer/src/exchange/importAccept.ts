// The files the article import reads, by name: what its file picker offers, and what a photo
// refusal recognises as an article dropped in the wrong place.

/** What the file picker offers; anything else dropped is still tried and refused with a reason. */
export const IMPORT_ACCEPT = '.txt,.html,.htm,.docx,.md,.markdown,.xml,.json,.zip';

const EXTENSIONS = new Set(IMPORT_ACCEPT.split(','));

/** Whether a file of this name is one the article import reads (by its extension). */
export function isArticleFileName(name: string): boolean {
  const ext = /\.[^./\\]+$/.exec(name)?.[0]?.toLowerCase();
  return ext !== undefined && EXTENSIONS.has(ext);
}
