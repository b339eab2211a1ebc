// The PDF proof in the app: the same HTML/CSS the browser host prints with Chromium, printed by
// Electron's own Chromium in a hidden, script-free window. The page is written to a temporary
// file first because a data: URL cannot carry the embedded Korean font.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { PDF_MARGIN_MM, type PdfPrinter } from '../../core/exchange/exportContext';

const inches = (mm: number) => mm / 25.4;
/** The proof's margins as Electron takes them (inches), the same the browser host prints with. */
const MARGINS = { top: inches(PDF_MARGIN_MM.top), bottom: inches(PDF_MARGIN_MM.bottom), left: inches(PDF_MARGIN_MM.left), right: inches(PDF_MARGIN_MM.right) } as const;

type WindowLike = Pick<BrowserWindow, 'loadFile' | 'destroy'> & { webContents: Pick<BrowserWindow['webContents'], 'printToPDF'> };

export function electronPdfPrinter(Window: new (opts: BrowserWindowConstructorOptions) => WindowLike, dir = tmpdir()): PdfPrinter {
  return {
    async printToPdf(html, band) {
      const file = join(dir, `copydesk-proof-${randomUUID()}.html`);
      await writeFile(file, html);
      const win = new Window({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, spellcheck: false } });
      try {
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, margins: MARGINS, ...(band && { displayHeaderFooter: true, ...band }) });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        await rm(file, { force: true });
      }
    },
  };
}
