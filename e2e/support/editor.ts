// Reads the body editor's state from the page. TipTap puts the editor instance on its DOM node
// (`.editor`), so specs can assert the document itself rather than what happens to be painted.
import type { Page } from '@playwright/test';
import type { DocNode } from '../../shared/model/article';

const EDITOR = '[data-testid=body-editor] .ProseMirror';

type EditorDom = HTMLElement & {
  editor: { getJSON(): DocNode; view: { composing: boolean }; getText(): string; commands: { focus(at: 'start' | 'end'): boolean }; isFocused: boolean };
};

export function bodyEditor(page: Page) {
  return page.locator(EDITOR);
}

export async function bodyJSON(page: Page): Promise<DocNode> {
  return page.locator(EDITOR).evaluate((el) => (el as EditorDom).editor.getJSON());
}

export async function isComposing(page: Page): Promise<boolean> {
  return page.locator(EDITOR).evaluate((el) => (el as EditorDom).editor.view.composing);
}

/** Text of each top-level block, for compact assertions on what the reader would see. */
export async function blockTexts(page: Page): Promise<string[]> {
  const doc = await bodyJSON(page);
  const text = (n: DocNode): string => (n.text ?? '') + (n.content ?? []).map(text).join('');
  return (doc.content ?? []).map(text);
}

/** Text runs that carry a mark, e.g. every bold run in the document. */
export async function markedRuns(page: Page, mark: string): Promise<string[]> {
  const doc = await bodyJSON(page);
  const runs: string[] = [];
  const walk = (n: DocNode) => {
    if (n.text && n.marks?.some((m) => m.type === mark)) runs.push(n.text);
    n.content?.forEach(walk);
  };
  walk(doc);
  return runs;
}

/** Waits until autosave reports the article saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.getAttribute('data-state') === 'saved');
}

export const modKey = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * Puts the caret at the body's start or end at once (the editor's own command): a key like
 * Control+End pressed right after typing can land before ProseMirror has moved its selection.
 */
export async function caretTo(page: Page, at: 'start' | 'end'): Promise<void> {
  await page.locator(EDITOR).evaluate((el, where) => (el as EditorDom).editor.commands.focus(where), at);
  await untilEditorFocused(page);
}

/**
 * TipTap's focus command moves the selection at once but focuses the editor on the next animation
 * frame, which a page in the background may not get for a while: text typed before then went
 * nowhere (a flaky two-window spec).
 */
export async function untilEditorFocused(page: Page): Promise<void> {
  await page.waitForFunction((selector) => (document.querySelector(selector) as unknown as EditorDom | null)?.editor.isFocused === true, EDITOR);
}

/** A live field's lines as shown (one paragraph per line), without other people's carets and names. */
export function liveFieldLines(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((el) =>
    Array.from(el.querySelectorAll('p')).map((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    }),
  );
}

/** A live field's text as shown, its lines joined with newlines. */
export async function liveFieldText(page: Page, testId: string): Promise<string> {
  return (await liveFieldLines(page, testId)).join('\n');
}
