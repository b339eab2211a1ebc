import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronPdfPrinter } from './electronPdfPrinter';

describe('electronPdfPrinter', () => {
  it('prints the page from a temporary file in a hidden, script-free window, then cleans up', async () => {
    const seen: { opts?: Record<string, unknown>; print?: Record<string, unknown>; file?: string; html?: string; destroyed?: boolean } = {};
    class Window {
      constructor(opts: Record<string, unknown>) {
        seen.opts = opts;
      }
      async loadFile(file: string) {
        seen.file = file;
        seen.html = readFileSync(file, 'utf8');
      }
      destroy() {
        seen.destroyed = true;
      }
      webContents = {
        printToPDF: async (o: Record<string, unknown>) => {
          seen.print = o;
          return Buffer.from(`%PDF-1.7 ${String(o.pageSize)}`);
        },
      };
    }
    const printer = electronPdfPrinter(Window as never);
    const pdf = await printer.printToPdf('<!doctype html><title>교정지</title><p>본문</p>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 A4');
    expect(seen.html).toContain('교정지');
    expect(seen.opts).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, spellcheck: false } });
    expect(seen.destroyed).toBe(true);
    expect(existsSync(seen.file!)).toBe(false);
    // The same A4 margins the browser host prints with (18 mm and 16 mm, in inches), no band unless asked.
    expect(seen.print).toMatchObject({ pageSize: 'A4', printBackground: true, margins: { top: 18 / 25.4, bottom: 18 / 25.4, left: 16 / 25.4, right: 16 / 25.4 } });
    expect(seen.print!.displayHeaderFooter).toBeUndefined();
  });

  it('prints the proof band in the margins when given one', async () => {
    let print: Record<string, unknown> = {};
    class Window {
      async loadFile() {}
      destroy() {}
      webContents = { printToPDF: async (o: Record<string, unknown>) => ((print = o), Buffer.from('%PDF-1.7')) };
    }
    const band = { headerTemplate: '<div>교정지</div>', footerTemplate: '<span class="pageNumber"></span>/<span class="totalPages"></span>' };
    await electronPdfPrinter(Window as never).printToPdf('<p>본문</p>', band);
    expect(print).toMatchObject({ displayHeaderFooter: true, ...band });
  });
});
