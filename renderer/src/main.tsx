// Start-up. This entry is kept tiny: it asks the core its start-up questions (boot.ts) as soon as
// it runs, and loads the app (startApp.tsx: React, the screens, the strings) meanwhile, so the
// core answers while the app's script is fetched, parsed and evaluated rather than after.
import { bootAnswers } from './boot';

const app = import('./startApp');

async function start() {
  const root = document.getElementById('root')!;
  try {
    const [{ startApp }, answers] = await Promise.all([app, bootAnswers]);
    await startApp(root, answers);
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
