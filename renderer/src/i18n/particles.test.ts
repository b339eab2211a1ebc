// The messages that put a headline before a particle write the right one (shared/korean/particles.ts).
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ko } from './ko';
import { en } from './en';
import { addParticleFormats } from './i18n';

async function korean() {
  const i = i18next.createInstance();
  await i.init({ resources: { ko: { translation: ko }, en: { translation: en } }, lng: 'ko', interpolation: { escapeValue: false } });
  addParticleFormats(i);
  return i;
}

describe('particles after a headline in Korean messages', () => {
  it('publish and spike confirmations and the trash refusal follow the headline’s last syllable', async () => {
    const i = await korean();
    expect(i.t('workflow.confirm.publish', { headline: '폐배터리 공장 착공' })).toMatch(/^「폐배터리 공장 착공」을 출판합니다/);
    expect(i.t('workflow.confirm.publish', { headline: '부산항 부두 내년 문 연다' })).toMatch(/^「부산항 부두 내년 문 연다」를 출판합니다/);
    expect(i.t('workflow.confirm.spike', { headline: '시즌 2' })).toMatch(/^「시즌 2」를 폐기합니다/);
    expect(i.t('workflow.confirm.spike', { headline: 'Port Avery' })).toMatch(/^「Port Avery」을\(를\) 폐기합니다/);
    expect(i.t('library.trashNotAllowed.notOwner', { headline: '수소' })).toMatch(/^「수소」는 다른 사람의/);
    expect(i.t('library.trashNotAllowed.withDesk', { headline: '도시광산', state: '출판' })).toMatch(/^「도시광산」은 데스크에/);
    expect(i.t('library.trashConfirm', { headline: '3대 첨단산업', state: '출판' })).toContain('「3대 첨단산업」을 휴지통으로');
  });

  it('leaves English alone', async () => {
    const i = await korean();
    await i.changeLanguage('en');
    expect(i.t('workflow.confirm.publish', { headline: '수소' })).toBe('Publish “수소”? Once published it can only be changed by a correction.');
  });
});
