// Test helper: validates XML against an IPTC schema with the system's `xmllint` (libxml2), the
// same check IPTC's own tooling uses, with --nonet so a schema can never reach the network.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

// The IPTC XSDs are carried in the repo (testing/fixtures/standards, with their licence).
export { NEWSML_XSD, NITF_XSD } from '../../../testing/fixturePaths';

export interface XmllintResult {
  ok: boolean;
  errors: string;
}

export function xmllint(xml: string, xsd: string): XmllintResult {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], { input: xml, cwd: dirname(xsd), encoding: 'utf8' });
  if (run.error) throw run.error;
  return { ok: run.status === 0, errors: run.stderr };
}
