// In a library connected to a newsroom the settings are the newsroom's, shared by everyone, so
// the UI language one person picks is kept on this machine instead (in the window's storage, per
// library folder): choosing English does not switch the whole newsroom to English.
import type { UiLanguage } from '../../../shared/model/settings';

const key = (libraryPath: string) => `copydesk.uiLanguage:${libraryPath}`;
const LANGUAGES: readonly string[] = ['system', 'ko', 'en'] satisfies UiLanguage[];

export function machineLanguage(libraryPath: string): UiLanguage | null {
  try {
    const value = localStorage.getItem(key(libraryPath));
    return value !== null && LANGUAGES.includes(value) ? (value as UiLanguage) : null;
  } catch {
    return null;
  }
}

export function rememberMachineLanguage(libraryPath: string, language: UiLanguage): void {
  try {
    localStorage.setItem(key(libraryPath), language);
  } catch {
    /* storage unavailable: the language holds until the window closes */
  }
}
