// Test helper: reads a PDF back with poppler's `pdftotext` and `pdffonts`, so PDF and DOCX tests
// check what a reader of the printed file gets, not what we meant to write.
import { execFileSync } from 'node:child_process';

/** The PDF's text with every run of whitespace made one space. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
}

/** How many pages the PDF has, as `pdfinfo` reads it. */
export function pdfPageCount(file: string): number {
  const m = /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(m[1]);
}

/** One page's text (1-based), whitespace runs made one space. */
export function pdfPageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
}

/** Text compared without any whitespace, since a PDF line break can fall where a space was not. */
export const squeeze = (text: string) => text.replace(/\s+/g, '');

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts `pdffonts` lists, with whether each is embedded. */
export function pdfFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  // Header, a dashed rule, then one font a line: name, type (may hold spaces), encoding, emb sub uni, object, id.
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`Unexpected pdffonts line: ${line}`);
      return { name: m[1], type: m[2], embedded: m[4] === 'yes' };
    });
}
