import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../shared/contract/api';
import { exportedPath, joinPath } from './exportedPath';

const result = (folder: string, failed = false): ExportResult => ({
  id: '00000000-0000-4000-8000-000000000001',
  headline: folder,
  folder,
  files: [],
  warnings: [],
  error: failed ? { code: 'exportFailed', message: 'x', params: {} } : null,
});

describe('exportedPath', () => {
  it('joins with the folder’s own separator', () => {
    expect(joinPath('/home/a/Copydesk Exports', '2026-12-06 기사')).toBe('/home/a/Copydesk Exports/2026-12-06 기사');
    expect(joinPath('C:\\Users\\a\\Copydesk Exports', '2026-12-06 기사')).toBe('C:\\Users\\a\\Copydesk Exports\\2026-12-06 기사');
    expect(joinPath('/exports/', 'x')).toBe('/exports/x');
  });

  it('is the article’s folder when one was written, else the export folder', () => {
    expect(exportedPath('/e', [result('one')])).toBe('/e/one');
    expect(exportedPath('/e', [result('one'), result('two', true)])).toBe('/e/one');
    expect(exportedPath('/e', [result('one'), result('two')])).toBe('/e');
    expect(exportedPath('/e', [result('one', true)])).toBe('/e');
  });
});
