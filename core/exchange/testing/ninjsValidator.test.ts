import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { ninjsErrors } from './ninjsValidator';
import { NINJS_SAMPLES } from '../../../testing/fixturePaths';

const load = (path: string): unknown => JSON.parse(readFileSync(join(NINJS_SAMPLES, path), 'utf8'));
const jsonIn = (dir: string) =>
  readdirSync(join(NINJS_SAMPLES, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`);

// VALIDATION-LOG.txt: all of these are valid against 3.1; the test-suite's should_fail ones are not.
const VALID = [
  ...jsonIn('iptc-examples/3.0'),
  ...jsonIn('iptc-guidelines-examples/3.1'),
  ...jsonIn('iptc-test_suite/3.0/should_pass'),
  ...jsonIn('iptc-test_suite/3.1/should_pass'),
];
// The log's validator (python jsonschema) skips `format`; ajv checks it, and this example's uri
// "renditions-example" is not a URI. That one error, and nothing else, is expected.
const FORMAT_ONLY = 'iptc-guidelines-examples/3.1/002_renditions_example.json';
const URI_FORMAT = '/uri must match format "uri" {"format":"uri"}';
const INVALID = [...jsonIn('iptc-test_suite/3.0/should_fail'), ...jsonIn('iptc-test_suite/3.1/should_fail')];

describe('ninjsErrors', () => {
  it('accepts the IPTC 3.x examples the validation log lists as valid', () => {
    expect(VALID.length).toBe(54);
    for (const file of VALID) expect(ninjsErrors(load(file)), file).toEqual(file === FORMAT_ONLY ? [URI_FORMAT] : []);
  });

  it('rejects every should_fail file of the IPTC test suite', () => {
    expect(INVALID.length).toBe(9);
    for (const file of INVALID) expect(ninjsErrors(load(file)).length, file).toBeGreaterThan(0);
  });

  it('rejects a valid example once its required uri is gone, and an unknown property', () => {
    const doc = load('iptc-guidelines-examples/3.1/001_simple_example.json') as Record<string, unknown>;
    expect(ninjsErrors(doc)).toEqual([]);
    const { uri: _uri, ...noUri } = doc;
    expect(ninjsErrors(noUri).join()).toContain('uri');
    expect(ninjsErrors({ ...doc, ednote: 'old 1.x name' }).length).toBeGreaterThan(0);
  });
});
