// Where the project's own fixtures are (testing/fixtures/, see its README): files we wrote, and the
// IPTC standards and examples we may redistribute, each folder with its licence beside it.
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const STANDARDS = join(FIXTURES, 'standards');
export const SAMPLES = join(FIXTURES, 'samples');
export const NITF_XSD = join(STANDARDS, 'nitf/nitf-3-6.xsd');
export const NEWSML_XSD = join(STANDARDS, 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd');
export const NINJS_STANDARDS = join(STANDARDS, 'ninjs');
export const NINJS_SAMPLES = join(SAMPLES, 'ninjs');
export const NITF_SAMPLES = join(SAMPLES, 'nitf');
export const NEWSML_SAMPLES = join(SAMPLES, 'newsml-g2');
export const ARTICLES = join(FIXTURES, 'articles');
export const WEB_PAGES = join(FIXTURES, 'web-pages');
