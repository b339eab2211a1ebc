// Every notice the core gives on opening a library (recovered, moved aside, rebuilt, reset) is
// shown as a whole sentence in Korean and English: no raw key, no unfilled placeholder, and no
// English code word such as `backup` leaking into the Korean.
import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { NoticeSchema, type Notice } from '../../../shared/contract/errors';
import { NoticesBanner } from '../library/NoticesBanner';
import { ko } from './ko';
import { en } from './en';

const file = '/lib/quarantine/x.json.2025-01-02T03-04-05-678Z';
const reason = '/lib/x.json: not valid JSON';

/** Each notice in every shape the core sends it (see ArticleStore, SettingsStore, PeopleStore, Library). */
const SENT: Notice[] = [
  { code: 'articleRecovered', params: { id: 'a1b2c3d4', headline: '폐배터리 재활용 경쟁', file, reason } },
  { code: 'articleQuarantined', params: { id: 'a1b2c3d4', file, reason } },
  { code: 'indexRebuilt', params: { articles: 1200 } },
  { code: 'settingsReset', params: { file, restored: 'backup', context: 'backup', reason } },
  { code: 'settingsReset', params: { file, restored: 'defaults', context: 'defaults', reason } },
  { code: 'peopleReset', params: { file, restored: 'backup', context: 'backup', reason } },
  { code: 'peopleReset', params: { file, restored: 'none', reason } },
  { code: 'peopleReset', params: { file, reason } }, // as Library.loadPeople sends it
];

async function render(language: 'ko' | 'en', notices: Notice[]): Promise<string[]> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ resources: { ko: { translation: ko }, en: { translation: en } }, lng: language, interpolation: { escapeValue: false } });
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <NoticesBanner notices={notices} onDismiss={() => undefined} />
    </I18nextProvider>,
  );
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
}

describe('library notices', () => {
  it('covers every notice code the contract has', () => {
    expect(new Set(SENT.map((n) => n.code))).toEqual(new Set(NoticeSchema.shape.code.options));
  });

  for (const language of ['ko', 'en'] as const) {
    it(`reads as a sentence in ${language}`, async () => {
      const lines = await render(language, SENT);
      expect(lines).toHaveLength(SENT.length);
      for (const line of lines) {
        expect(line).not.toMatch(/notices\.|\{\{|\}\}/);
        expect(line.length).toBeGreaterThan(30);
      }
      if (language === 'ko') for (const line of lines) expect(line).not.toMatch(/\b(backup|defaults|none)\b/);
      // The file moved aside is named wherever something was moved; a restored article by its headline.
      for (const [i, n] of SENT.entries()) if (n.code !== 'indexRebuilt') expect(lines[i]).toContain(file);
      expect(lines[0]).toContain('폐배터리 재활용 경쟁');
      expect(lines[2]).toContain('1200');
      // What was restored picks the sentence: a good copy, or the defaults / setting an admin up again.
      expect(new Set(lines.slice(3, 5)).size).toBe(2);
      expect(lines[5]).not.toBe(lines[6]);
      expect(lines[6]).toBe(lines[7]);
    });
  }
});
