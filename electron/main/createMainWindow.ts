// The one window: sandboxed, context-isolated, no Node in the page, the preload as the only door.
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_URL } from './appProtocol';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Copydesk',
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Writers want spelling marked; the checker uses the system's dictionaries and never
      // downloads any (hardenSession points its download address inside the app).
      spellcheck: true,
    },
  };
}

export function createMainWindow(BrowserWindow: typeof BrowserWindowType, preloadPath: string): BrowserWindowType {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
