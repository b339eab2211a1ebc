// The checklist speaks the fields' words (크레디트, not 출처) in both languages, and names places
// the way the person finds them: photo number and caption start, paragraph number and start.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ko } from '../i18n/ko';
import { en } from '../i18n/en';
import { placeText } from './MissingList';

async function tIn(lng: 'ko' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { ko: { translation: ko }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('checklist wording', () => {
  it('takes the photo items from the figure field labels', async () => {
    for (const lng of ['ko', 'en'] as const) {
      const t = await tIn(lng);
      expect(t('checklist.photoCredit')).toContain(t('figure.credit'));
      expect(t('checklist.photoAlt')).toContain(t('figure.alt'));
      expect(t('checklist.photoCredit')).not.toContain('$t(');
    }
    expect((await tIn('ko'))('checklist.photoCredit')).toBe('모든 사진의 크레디트');
    expect((await tIn('en'))('checklist.photoCredit')).toBe('Credit on every photo');
  });

  it('names a photo, a note and a TK by where they are', async () => {
    const t = await tIn('ko');
    expect(placeText(t, { kind: 'figure', figure: 2, caption: '착공식이 열릴 공장 부지', pos: 10, field: 'credit' })).toBe('사진 2 “착공식이 열릴 공장 부지”');
    expect(placeText(t, { kind: 'figure', figure: 3, caption: '', pos: 40, field: 'caption' })).toBe('사진 3');
    const block = { kind: 'paragraph', n: 3, start: '투자액은 TK억원이며…' } as const;
    expect(placeText(t, { kind: 'mark', mark: 'tk', text: 'TK', from: 1, to: 3, block })).toBe('TK — 3번째 문단 “투자액은 TK억원이며…”');
    expect(placeText(t, { kind: 'mark', mark: 'note', text: '출처 확인', from: 1, to: 3, block: { kind: 'caption', figure: 1, start: '착공식 TK' } })).toBe('메모 “출처 확인” — 사진 1 캡션 “착공식 TK”');
    const tEn = await tIn('en');
    expect(placeText(tEn, { kind: 'mark', mark: 'tk', text: 'TK', from: 1, to: 3, block })).toBe('TK — Paragraph 3 “투자액은 TK억원이며…”');
  });
});
