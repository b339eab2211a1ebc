// The checks importers run before parsing: each throws ApiError('importFailed') with reason
// `tooDeep` or `tooLarge` and the file's name, so the user reads what to do instead of waiting
// for a parser that would take minutes, run out of memory or overflow the stack.
import { ApiError } from '../../contract/errors';
import { INPUT_LIMITS } from './inputLimits';
import { jsonDepth } from './jsonDepth';
import { markdownNesting } from './markdownNesting';
import { markupDepth } from './markupDepth';

const refuse = (file: string, reason: 'tooDeep' | 'tooLarge', message: string, limit: number) =>
  new ApiError('importFailed', `${file}: ${message}`, { reason, file, limit: String(limit) });

/** Refuses more than `max` bytes (or characters). */
export function checkSize(length: number, max: number, file: string): void {
  if (length > max) throw refuse(file, 'tooLarge', `${length} bytes is over the limit of ${max}`, max);
}

/** Refuses HTML (`html` true) or XML nested deeper than the markup limit. */
export function checkMarkupDepth(text: string, file: string, html: boolean): void {
  const max = INPUT_LIMITS.maxMarkupDepth;
  const depth = markupDepth(text, html, max);
  if (depth > max) throw refuse(file, 'tooDeep', `${html ? 'HTML' : 'XML'} nests more than ${max} elements deep`, max);
}

/** Refuses JSON nested deeper than the JSON limit. */
export function checkJsonDepth(text: string, file: string): void {
  const max = INPUT_LIMITS.maxJsonDepth;
  if (jsonDepth(text, max) > max) throw refuse(file, 'tooDeep', `JSON nests more than ${max} levels deep`, max);
}

/** Refuses Markdown nested too deep, too large, or whose nesting would make marked's work explode. */
export function checkMarkdown(text: string, file: string): void {
  const { maxMarkdownDepth, maxMarkdownWork, maxMarkdownBytes } = INPUT_LIMITS;
  // Depth first: it names the real problem of a huge deep file, and the scan stops at the deep part.
  const { depth, work } = markdownNesting(text, maxMarkdownDepth, maxMarkdownWork);
  if (depth > maxMarkdownDepth) throw refuse(file, 'tooDeep', `lists or quotes nest more than ${maxMarkdownDepth} levels deep`, maxMarkdownDepth);
  checkSize(text.length, maxMarkdownBytes, file);
  if (work > maxMarkdownWork) throw refuse(file, 'tooDeep', 'too much text nested too deep in lists or quotes', maxMarkdownDepth);
}
