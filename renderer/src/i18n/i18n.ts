// i18next set up once with both languages bundled (the app is offline; nothing is fetched).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ko } from './ko';
import { en } from './en';
import type { UiLanguage } from '../../../shared/model/settings';
import { PARTICLE_PAIRS, particleAfter } from '../../../shared/korean/particles';

export type AppLanguage = 'ko' | 'en';

/** 'system' follows the OS locale (Electron) or the browser's (browser host): Korean for ko*, else English. */
export function resolveLanguage(setting: UiLanguage, systemLocale: string): AppLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export async function initI18n(language: AppLanguage): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { ko: { translation: ko }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  addParticleFormats(i18n);
  document.documentElement.lang = language;
}

/**
 * `{{headline, 을를}}` (also 은는, 이가) in a message writes the particle that follows the headline:
 * 「부산항 착공」을, 「수소 경제」를 (shared/korean/particles.ts).
 */
export function addParticleFormats(instance: typeof i18n): void {
  for (const pair of PARTICLE_PAIRS) instance.services.formatter?.add(pair, (value) => particleAfter(String(value ?? ''), pair));
}

export async function setLanguage(language: AppLanguage): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
