// Test helper: validates XML against an IPTC schema with the system's `xmllint` (libxml2), the
// same check IPTC's own tooling uses, with --nonet so a schema can never reach the network.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

export const STANDARDS = join(__dirname, '../../../../shared/standards');
export const NITF_XSD = join(STANDARDS, 'nitf/nitf-3-6.xsd');
export const NEWSML_XSD = join(STANDARDS, 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd');
export const NITF_SAMPLES = join(STANDARDS, 'samples/nitf');

export interface XmllintResult {
  ok: boolean;
  errors: string;
}

export function xmllint(xml: string, xsd: string): XmllintResult {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], { input: xml, cwd: dirname(xsd), encoding: 'utf8' });
  if (run.error) throw run.error;
  return { ok: run.status === 0, errors: run.stderr };
}
