// The checks importers run before parsing: each throws ApiError('importFailed') with reason
// `tooDeep` or `tooLarge` and the file's name, so the user reads what to do instead of waiting
// for a parser that would take minutes, run out of memory or overflow the stack.
import { ApiError } from '../../contract/errors';
import { INPUT_LIMITS } from './inputLimits';
import { jsonDepth } from './jsonDepth';
import { markdownNesting } from './markdownNesting';
import { markdownInlineDepth } from './markdownInlineDepth';
import { markupDepth, markupShape } from './markupDepth';

const refuse = (file: string, reason: 'tooDeep' | 'tooLarge', message: string, limit: number) =>
  new ApiError('importFailed', `${file}: ${message}`, { reason, file, limit: String(limit) });

/** Refuses more than `max` bytes (or characters). */
export function checkSize(length: number, max: number, file: string): void {
  if (length > max) throw refuse(file, 'tooLarge', `${length} bytes is over the limit of ${max}`, max);
}

/** Refuses HTML (`html` true) or XML nested deeper than `max` (the markup limit unless said). */
export function checkMarkupDepth(text: string, file: string, html: boolean, max: number = INPUT_LIMITS.maxMarkupDepth): void {
  const depth = markupDepth(text, html, max);
  if (depth > max) throw refuse(file, 'tooDeep', `${html ? 'HTML' : 'XML'} nests more than ${max} elements deep`, max);
}

/** Refuses a saved web page nested deeper or holding more elements than Readability can work through quickly. */
export function checkPage(html: string, file: string): void {
  const { maxPageDepth, maxPageElements } = INPUT_LIMITS;
  const { depth, elements } = markupShape(html, true, maxPageDepth, maxPageElements);
  if (depth > maxPageDepth) throw refuse(file, 'tooDeep', `HTML nests more than ${maxPageDepth} elements deep`, maxPageDepth);
  if (elements > maxPageElements) throw refuse(file, 'tooLarge', `the page holds more than ${maxPageElements} elements`, maxPageElements);
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
  const inline = INPUT_LIMITS.maxMarkdownInlineDepth;
  if (markdownInlineDepth(text, inline) > inline) throw refuse(file, 'tooDeep', `emphasis nests more than ${inline} levels deep`, inline);
}

/** Refuses YAML front matter nested deeper than its limit, by flow brackets or by indentation (two spaces a level). */
export function checkFrontMatter(yaml: string, file: string): void {
  const max = INPUT_LIMITS.maxFrontMatterDepth;
  let indent = 0;
  for (const m of yaml.matchAll(/^[ -]*/gm)) indent = Math.max(indent, m[0].length);
  if (jsonDepth(yaml, max) > max || indent / 2 > max) throw refuse(file, 'tooDeep', `front matter nests more than ${max} levels deep`, max);
}
