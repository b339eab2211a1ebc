// The repository carries only what it may: our own files, and IPTC's with their licence beside
// them. A copied file without a licence next to it, or a folder the README does not explain, fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SAMPLES, STANDARDS } from './fixturePaths';

const OURS = /^copydesk-/;

describe('testing/fixtures', () => {
  it('has a licence beside every file it did not write', () => {
    for (const top of [STANDARDS, SAMPLES]) {
      for (const folder of readdirSync(top)) {
        const files = readdirSync(join(top, folder), { recursive: true }).map(String);
        const copied = files.filter((f) => !OURS.test(f) && /\.(xsd|xml|json)$/.test(f));
        if (copied.length) expect(files.some((f) => /^LICENSE/.test(f)), relative(FIXTURES, join(top, folder))).toBe(true);
      }
    }
  });

  it('explains every folder in its README', () => {
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    const folders = [...readdirSync(STANDARDS).map((f) => `standards/${f}/`), ...readdirSync(SAMPLES).map((f) => `samples/${f}/`), 'articles/', 'web-pages/'];
    for (const folder of folders) expect(readme, folder).toContain(`\`${folder}`);
  });
});
