// Checks that a .docx is a Word document before mammoth unpacks it: a zip with word/document.xml,
// read through the same guarded reader as packages (entry names, counts, declared sizes, ratios,
// and bytes counted while inflating), so a zip bomb never reaches mammoth; and no XML part nests
// deeper than the markup limit, since mammoth reads the XML tree recursively (10,000 levels
// overflow its stack).
import { ApiError } from '../../../shared/contract/errors';
import { DOCX_ZIP_LIMITS, INPUT_LIMITS } from '../../../shared/exchange/limits/inputLimits';
import { checkMarkupDepth, checkSize } from '../../../shared/exchange/limits/checkInput';
import { readZip } from '../package/readZip';

export const MAX_DOCX_BYTES = INPUT_LIMITS.maxDocxBytes;

/** An XML part's text by its byte-order mark (OPC allows UTF-16); UTF-8 otherwise. */
function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Throws ApiError('importFailed') with reason notDocx, tooLarge, tooDeep or hostile; returns when mammoth may read it. */
export async function checkDocx(bytes: Uint8Array, file: string): Promise<void> {
  checkSize(bytes.length, MAX_DOCX_BYTES, file);
  let parts: Map<string, Uint8Array>;
  try {
    parts = await readZip(bytes, file, DOCX_ZIP_LIMITS);
  } catch (err) {
    // Not a zip at all is "not a Word document"; a zip that fights back keeps its own reason.
    if (err instanceof ApiError && err.params.reason === 'malformed') throw new ApiError('importFailed', `${file}: not a zip archive`, { reason: 'notDocx', file });
    throw err;
  }
  if (!parts.has('word/document.xml')) throw new ApiError('importFailed', `${file}: no word/document.xml`, { reason: 'notDocx', file });
  for (const [name, part] of parts) if (/\.(xml|rels)$/i.test(name)) checkMarkupDepth(xmlText(part), `${file}`, false);
}
