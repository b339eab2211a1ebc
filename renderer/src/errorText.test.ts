// Every error code the core can send has a sentence in both languages, and errorText picks it.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError, toApiError, BACKUP_REASONS, ErrorCodeSchema, EXPORT_REASONS, FORBIDDEN_REASONS, IMPORT_REASONS } from '../../shared/contract/errors';
import { PhotoRejectReasonSchema } from '../../shared/model/photo';
import { errorText } from './errorText';
import { UnsavedEditsError } from './article/ArticleSession';
import { en } from './i18n/en';
import { ko } from './i18n/ko';

async function translator(lng: 'ko' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { ko: { translation: ko }, en: { translation: en } }, lng, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t;
}

describe('error sentences', () => {
  it('exist for every error code and every reason list, in Korean and English', () => {
    for (const lang of [ko, en]) {
      const errors = lang.errors as Record<string, unknown>;
      for (const code of ErrorCodeSchema.options) expect(typeof errors[code], code).toBe('string');
      expect(Object.keys(lang.errors.forbiddenReason).sort()).toEqual([...FORBIDDEN_REASONS].sort());
      expect(Object.keys(lang.errors.import).sort()).toEqual([...IMPORT_REASONS].sort());
      expect(Object.keys(lang.errors.export).sort()).toEqual([...EXPORT_REASONS].sort());
      expect(Object.keys(lang.errors.photo).sort()).toEqual([...PhotoRejectReasonSchema.options].sort());
      expect(Object.keys(lang.backups.errors).sort()).toEqual([...BACKUP_REASONS].sort());
    }
  });

  it('errorText gives every code its own sentence rather than the internal one', async () => {
    for (const lng of ['ko', 'en'] as const) {
      const t = await translator(lng);
      const internal = errorText(t, new ApiError('internal', 'x'));
      const seen = new Set<string>();
      for (const code of ErrorCodeSchema.options) {
        const text = errorText(t, new ApiError(code, 'x'));
        expect(text, `${lng} ${code}`).not.toMatch(/^errors\./); // a missing key shows as its name
        if (code !== 'internal') expect(text, `${lng} ${code}`).not.toBe(internal);
        seen.add(text);
      }
      expect(seen.size).toBe(ErrorCodeSchema.options.length);
    }
  });

  it('a step asked for with unsaved edits says what to do: retry while saves fail, a new draft when they cannot be saved here', async () => {
    const t = await translator('ko');
    const internal = errorText(t, new Error('x'));
    expect(errorText(t, new UnsavedEditsError('failed'))).toBe(ko.workflow.unsavedFirst);
    expect(errorText(t, new UnsavedEditsError('readOnly'))).toBe(ko.workflow.unsavedStranded);
    expect(errorText(t, new UnsavedEditsError('conflict'))).toContain('새 초고로 저장');
    expect(errorText(t, new UnsavedEditsError('conflict'))).not.toBe(internal);
  });

  it('an import refusal that knows what the file lacks names it, in both languages', async () => {
    for (const [lng, words] of [['en', /no identifier \(uri, guid or id\)/], ['ko', /식별자\(uri, guid 또는 id\)가 없습니다/]] as const) {
      const t = await translator(lng);
      const text = errorText(t, new ApiError('importFailed', 'x', { reason: 'schema', file: 'item.json', lacking: 'identifier' }));
      expect(text).toMatch(/^item\.json: /);
      expect(text).toMatch(words);
      expect(errorText(t, new ApiError('importFailed', 'x', { reason: 'schema', file: 'item.json' }))).not.toMatch(words);
    }
    for (const lang of [ko, en]) expect(Object.keys(lang.errors.importLacking).sort()).toEqual(['identifier', 'newsItem']);
  });

  it('names the limit when a request was too large, and translates raw Node errors by their errno', async () => {
    const t = await translator('ko');
    expect(errorText(t, new ApiError('tooLarge', 'x', { limitMB: 2 }))).toContain('2MB');
    const en_ = await translator('en');
    expect(errorText(en_, new ApiError('tooLarge', 'x', { limitMB: 700 }))).toContain('700 MB');
    expect(errorText(en_, new ApiError('photoRejected', 'x', { reason: 'svg', file: 'a.svg' }))).toContain('a.svg');
    // A .txt is "not an image"; only a file named like a photo hears that it is named like one.
    // A file the article import reads (txt, docx, html, md, json…) is pointed there; anything else is not.
    expect(errorText(en_, new ApiError('photoRejected', 'x', { reason: 'notImage', file: 'notes.txt' }))).toBe('notes.txt: this is not an image. Use a JPEG, PNG, WebP or TIFF file. If it is an article, use ‘Import’ in the article list.');
    for (const file of ['기사.DOCX', 'page.html', 'story.md', 'story.json']) expect(errorText(t, new ApiError('photoRejected', 'x', { reason: 'notImage', file }))).toContain('기사 목록의 ‘가져오기’');
    expect(errorText(en_, new ApiError('photoRejected', 'x', { reason: 'notImage', file: 'clip.mp4' }))).toBe('clip.mp4: this is not an image. Use a JPEG, PNG, WebP or TIFF file.');
    expect(errorText(t, new ApiError('photoRejected', 'x', { reason: 'imageNameOnly', file: 'notes.jpg' }))).not.toContain('가져오기');
    expect(errorText(en_, new ApiError('photoRejected', 'x', { reason: 'imageNameOnly', file: 'notes.jpg' }))).toContain('only named like one');
    const missing = toApiError(Object.assign(new Error("ENOENT: no such file or directory, open '/lib/a.json'"), { code: 'ENOENT' }));
    expect(errorText(en_, missing)).toBe(en.errors.fileMissing);
    expect(errorText(t, missing)).toBe(ko.errors.fileMissing);
  });

  it('names the newsroom server that cannot be reached, the wait after too many sign-ins, and a bad address', async () => {
    const en_ = await translator('en');
    expect(errorText(en_, new ApiError('offline', 'x', { server: 'http://10.0.0.5:8080' }))).toContain('(http://10.0.0.5:8080)');
    expect(errorText(en_, new ApiError('tooManyAttempts', 'x', { retryAfterSeconds: 42 }))).toBe('Too many failed sign-ins. Try again in 42 seconds.');
    expect(errorText(en_, new ApiError('invalidInput', 'x', { field: 'server' }))).toBe(en.errors.serverAddress);
    // An export offline says none was made and why, not to check the text in the window.
    const ko_ = await translator('ko');
    expect(errorText(ko_, new ApiError('offline', 'x', { server: 'http://10.0.0.5:8080', during: 'export' }))).toBe(
      '뉴스룸 서버(http://10.0.0.5:8080)에 연결할 수 없어 내보내지 않았습니다. 내보내기는 서버가 허락하고 기록하므로 연결된 뒤에 다시 하세요.',
    );
    expect(errorText(en_, new ApiError('offline', 'x', { server: 'http://10.0.0.5:8080', during: 'export' }))).toContain('Not exported');
  });
});
