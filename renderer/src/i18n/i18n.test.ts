import { describe, expect, it } from 'vitest';
import { ko } from './ko';
import { en } from './en';
import { resolveLanguage } from './i18n';
import { EXPORT_REASONS, FORBIDDEN_REASONS, IMPORT_REASONS } from '../../../shared/contract/errors';
import { EXPORT_FORMATS } from '../../../shared/exchange/types';
import { UPLOAD_FAILURE_CODES } from '../../../shared/contract/libraryUpload';
import { AuditActionSchema } from '../../../shared/model/history';
import { DIFF_FIELDS } from '../../../shared/workflow/diff';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n', () => {
  it('has every key in both Korean and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(ko).sort());
    for (const lang of [ko, en]) {
      for (const key of keys(lang)) expect(key.split('.').reduce((o: never, k) => o[k], lang as never), key).not.toBe('');
    }
  });

  it('has a sentence for every reason the core gives for refusing', () => {
    for (const lang of [ko, en]) expect(Object.keys(lang.errors.forbiddenReason).sort()).toEqual([...FORBIDDEN_REASONS].sort());
  });

  it('has a sentence for every import and export failure and a name for every format', () => {
    for (const lang of [ko, en]) {
      expect(Object.keys(lang.errors.import).sort()).toEqual([...IMPORT_REASONS].sort());
      expect(Object.keys(lang.errors.export).sort()).toEqual([...EXPORT_REASONS].sort());
      expect(Object.keys(lang.exchange.format).sort()).toEqual([...EXPORT_FORMATS].sort());
      expect(Object.keys(lang.exchange.formatHint).sort()).toEqual([...EXPORT_FORMATS].sort());
    }
  });

  it('says why, for every code, a story or photo did not get to the newsroom', () => {
    for (const lang of [ko, en]) expect(Object.keys(lang.newsroom.upload.why).sort()).toEqual([...UPLOAD_FAILURE_CODES].sort());
  });

  it('names every step the history can show (an export once showed as workflow.did.export)', () => {
    for (const lang of [ko, en]) expect(Object.keys(lang.workflow.did).sort()).toEqual([...AuditActionSchema.options].sort());
  });

  it('names every field the history compares', () => {
    for (const lang of [ko, en]) expect(Object.keys(lang.history.field).sort()).toEqual([...DIFF_FIELDS].sort());
  });

  it('follows the system locale unless a language is chosen', () => {
    expect(resolveLanguage('system', 'ko-KR')).toBe('ko');
    expect(resolveLanguage('system', 'en-US')).toBe('en');
    expect(resolveLanguage('system', 'de-DE')).toBe('en');
    expect(resolveLanguage('ko', 'en-US')).toBe('ko');
    expect(resolveLanguage('en', 'ko-KR')).toBe('en');
  });
});
