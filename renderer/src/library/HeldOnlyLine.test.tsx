// The line above an offline list says, in Korean and English, that it searched only the stories
// on this computer, with how many (one story in the English singular).
import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { HeldOnlyLine } from './HeldOnlyLine';
import { ko } from '../i18n/ko';
import { en } from '../i18n/en';

async function render(language: 'ko' | 'en', stories: number): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ resources: { ko: { translation: ko }, en: { translation: en } }, lng: language, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <HeldOnlyLine stories={stories} />
    </I18nextProvider>,
  );
}

describe('the offline list’s line', () => {
  it('says the search covered only the stories on this computer', async () => {
    expect(await render('ko', 1234)).toContain('오프라인: 이 컴퓨터에 있는 기사 1,234건에서만 찾았습니다.');
    expect(await render('en', 1234)).toContain('Offline: searched only the 1,234 stories on this computer.');
    expect(await render('en', 1)).toContain('Offline: searched only the 1 story on this computer.');
    expect(await render('ko', 3)).toContain('제목·문패·바이라인으로만');
  });
});
