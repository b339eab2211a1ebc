// Start-up: ask the core who we are and what the settings say, pick the UI language, render.
// First of all, so its questions to the core leave before the rest of the code is evaluated.
import { bootAnswers } from './boot';
import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './App';
import { initI18n, resolveLanguage } from './i18n/i18n';

async function start() {
  const root = document.getElementById('root')!;
  try {
    const { appInfo, settings, library, people, firstPage } = await bootAnswers;
    // In a browser the reader's language is the browser's, not the server process's.
    const systemLocale = appInfo.host === 'browser' ? navigator.language : appInfo.systemLocale;
    await Promise.all([initI18n(resolveLanguage(settings.uiLanguage, systemLocale)), firstPage]);
    createRoot(root).render(<App boot={{ appInfo, settings, library, people, systemLocale }} />);
  } catch (err) {
    // Before i18n exists: say it in both languages.
    root.textContent = `Copydesk를 시작하지 못했습니다 / Copydesk could not start: ${(err as Error).message}`;
    root.setAttribute('role', 'alert');
  }
}

// A file dropped anywhere but the editor or the photo panel would make the page navigate to it
// (leaving the app in a browser); those two places handle their drops before this runs.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());

void start();
