// Test helper: validates a document against IPTC's ninjs 3.1 JSON Schema (draft 2020-12) with ajv,
// the GeoJSON schema it references registered from the local copy so nothing is fetched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { NINJS_STANDARDS } from '../../../testing/fixturePaths';

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(NINJS_STANDARDS, file), 'utf8'));

let compiled: ((doc: unknown) => string[]) | null = null;

/** Errors (`/path message`) of `doc` against ninjs 3.1; empty when it is valid. */
export function ninjsErrors(doc: unknown): string[] {
  if (!compiled) {
    // strict off: IPTC's schema uses `type` beside `$ref`, which ajv's strict mode rejects as a style issue.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(readJson('GeoJSON-schema.json'));
    const validate = ajv.compile(readJson('ninjs-schema_3.1.json'));
    compiled = (d) => (validate(d) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
  }
  return compiled(doc);
}
