// What any web contents may do: nothing outside the app. Navigation, redirects, new windows,
// webviews and permission requests are refused; web links open in the user's browser instead.
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

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenApp(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, shell));
}
