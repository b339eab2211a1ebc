// What any web contents may do: nothing outside the app. Navigation, redirects, new windows,
// webviews and permission requests are refused; web links open in the user's browser instead;
// the spellchecker downloads nothing.
import type { App, Session, Shell, WebContents } from 'electron';
import { APP_ORIGIN } from './appProtocol';

const EXTERNAL = new Set(['http:', 'https:', 'mailto:']);

function isApp(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

export function openExternally(shell: Pick<Shell, 'openExternal'>, url: string): void {
  try {
    if (EXTERNAL.has(new URL(url).protocol)) void shell.openExternal(url);
  } catch {
    /* not a URL: ignore */
  }
}

export function hardenContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (!isApp(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(shell, url);
    return { action: 'deny' };
  });
}

/**
 * Chromium's spellchecker fetches Hunspell dictionaries from Google's servers on first use (Linux,
 * and Windows for languages the system lacks); an offline newsroom app must not call out. The base
 * address points inside the app, which serves no dictionaries, so spelling is checked with what
 * the operating system has and nothing is downloaded.
 */
export const SPELLCHECK_DICTIONARY_URL = `${APP_ORIGIN}/no-spellcheck-dictionaries/`;

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerDictionaryDownloadURL'>): void {
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenApp(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, shell));
}
