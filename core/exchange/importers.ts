// Which reader takes a file: by its first bytes where they are telling (zip, XML, JSON, HTML),
// by its extension otherwise. A file no reader claims is refused, never guessed at.
import { ApiError } from '../../shared/contract/errors';
import type { ImportedArticle } from '../../shared/exchange/types';
import { parseWebCopy } from '../../shared/exchange/webCopy/parseWebCopy';
import { fromMarkdown } from '../../shared/exchange/import/fromMarkdown';
import { fromNinjs } from '../../shared/exchange/import/fromNinjs';
import { readHtmlPage } from './import/readHtmlPage';
import { fromDocx } from './import/fromDocx';
import { fromNitf } from './import/fromNitf';
import { readPackage } from './package/readPackage';
import { INPUT_LIMITS } from '../../shared/exchange/limits/inputLimits';
import { checkJsonDepth } from '../../shared/exchange/limits/checkInput';

/** Text formats are read whole into memory; past this a file is not copy. */
const MAX_TEXT_BYTES = INPUT_LIMITS.maxTextBytes;

const refuse = (name: string, reason: string, message: string) => new ApiError('importFailed', `${name}: ${message}`, { reason, file: name });

function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength > MAX_TEXT_BYTES) throw refuse(name, 'tooLarge', 'text file too large');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Korean copy from older systems is often EUC-KR (CP949); anything else we cannot read honestly.
    try {
      return new TextDecoder('euc-kr', { fatal: true }).decode(bytes);
    } catch {
      throw refuse(name, 'encoding', 'not UTF-8 or EUC-KR text');
    }
  }
}

export type ImportKind = 'package' | 'docx' | 'nitf' | 'ninjs' | 'html' | 'md' | 'web-copy';

export function detectKind(name: string, bytes: Uint8Array): ImportKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === 'docx') return 'docx'; // fromDocx says clearly when it is not one
  if (isZip || ext === 'zip') return 'package';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF|^ï»¿/, '').trimStart();
  if (ext === 'xml' || head.startsWith('<?xml') || /^<(!DOCTYPE\s+)?nitf\b/i.test(head)) {
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html|<html\b/i.test(head)) return 'html';
    return 'nitf';
  }
  if (ext === 'json' || head.startsWith('{')) return 'ninjs';
  if (ext === 'html' || ext === 'htm' || /^<!DOCTYPE\s+html|^<html\b/i.test(head)) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt' || ext === 'text' || ext === '') return 'web-copy';
  throw refuse(name, 'unknownFormat', `unknown file type .${ext}`);
}

/** `signal` is the import job's: a web page still being read in its worker stops when it aborts. */
export async function readImport(name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<ImportedArticle> {
  if (bytes.byteLength === 0) throw refuse(name, 'empty', 'empty file');
  switch (detectKind(name, bytes)) {
    case 'package':
      return readPackage(bytes, name);
    case 'docx':
      return fromDocx(bytes, name);
    case 'nitf':
      return fromNitf(bytes, name);
    case 'html':
      return readHtmlPage(bytes, name, { signal });
    case 'ninjs': {
      let json: unknown;
      const text = decodeText(bytes, name);
      checkJsonDepth(text, name);
      try {
        json = JSON.parse(text);
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw refuse(name, 'malformed', 'not valid JSON');
      }
      return fromNinjs(json, name);
    }
    case 'md':
      return fromMarkdown(decodeText(bytes, name), name);
    case 'web-copy':
      return { content: parseWebCopy(decodeText(bytes, name)), photos: [], format: 'web-copy', warnings: [] };
  }
}
