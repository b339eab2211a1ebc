import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronPdfPrinter } from './electronPdfPrinter';

describe('electronPdfPrinter', () => {
  it('prints the page from a temporary file in a hidden, script-free window, then cleans up', async () => {
    const seen: { opts?: Record<string, unknown>; file?: string; html?: string; destroyed?: boolean } = {};
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
      webContents = { printToPDF: async (o: { pageSize: string }) => Buffer.from(`%PDF-1.7 ${o.pageSize}`) };
    }
    const printer = electronPdfPrinter(Window as never);
    const pdf = await printer.printToPdf('<!doctype html><title>교정지</title><p>본문</p>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 A4');
    expect(seen.html).toContain('교정지');
    expect(seen.opts).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, spellcheck: false } });
    expect(seen.destroyed).toBe(true);
    expect(existsSync(seen.file!)).toBe(false);
  });
});
