// The one place that decides whether the reference corpus (`../shared`: agency NITF, photographers'
// JPEGs, publishers' pages — files the repository may not carry) is beside the repo, and why not.
// Tests that need it form the conformance suite: they run when it is here and are reported as
// skipped, with the reason printed, when it is not. CI sets COPYDESK_CORPUS=required so a missing
// corpus fails there instead of skipping.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');
/** Where the corpus is looked for: COPYDESK_CORPUS_DIR, or `../shared` beside the repository. */
export const CORPUS_DIR = process.env.COPYDESK_CORPUS_DIR ? resolve(process.env.COPYDESK_CORPUS_DIR) : join(REPO, '..', 'shared');

/** Files that must all be there for the corpus to count as present (one per kind the suite reads). */
const MARKERS = ['fixtures/photos/expected-values.extracted.json', 'fixtures/articles/web-copy-ko.txt', 'fixtures/web-pages/readability', 'standards/samples/nitf/ap-nitf.xml', 'standards/samples/ninjs/superdesk-fixtures'];

function absentReason(): string | null {
  if (!existsSync(CORPUS_DIR)) return `${CORPUS_DIR} (the reference corpus) is not beside the repo`;
  const missing = MARKERS.filter((m) => !existsSync(join(CORPUS_DIR, m)));
  return missing.length ? `${CORPUS_DIR} lacks ${missing.join(', ')}` : null;
}

const reason = absentReason();
if (reason && process.env.COPYDESK_CORPUS === 'required') {
  throw new Error(`conformance suite required (COPYDESK_CORPUS=required) but ${reason}`);
}

/** Why the conformance suite cannot run here, or null when the corpus is present. */
export const corpusAbsentReason: string | null = reason;
export const corpusPresent = reason === null;

const announced = new Set<string>();
/**
 * Call once per conformance test file, with what it checks: prints the reason it is skipped (once
 * per file) and returns true when the file's conformance `describe`s must be skipped.
 */
export function skipConformance(what: string): boolean {
  if (reason && !announced.has(what)) {
    announced.add(what);
    console.warn(`conformance suite skipped (${what}): ${reason}`);
  }
  return reason !== null;
}

/** A path inside the corpus (only meaningful when it is present). */
export const corpus = (...parts: string[]): string => join(CORPUS_DIR, ...parts);
