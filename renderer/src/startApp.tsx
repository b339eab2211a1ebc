// The app itself, loaded by main.tsx while start-up's questions to the core are out: the UI
// language set up, then the first render, once the answers (and the library's first page) are in.
import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './App';
import type { BootAnswers } from './boot';
import { initI18n, resolveLanguage } from './i18n/i18n';

export async function startApp(root: HTMLElement, { appInfo, settings, library, people, firstPage }: BootAnswers): Promise<void> {
  // In a browser the reader's language is the browser's, not the server process's.
  const systemLocale = appInfo.host === 'browser' ? navigator.language : appInfo.systemLocale;
  await Promise.all([initI18n(resolveLanguage(settings.uiLanguage, systemLocale)), firstPage]);
  createRoot(root).render(<App boot={{ appInfo, settings, library, people, systemLocale }} />);
}
