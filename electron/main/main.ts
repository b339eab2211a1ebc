/// <reference types="electron-vite/node" />
// Electron entry: lifecycle and wiring only. Everything with logic lives in core (plain
// Node, shared with the browser host) or in the small modules beside this file.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../core/createCore';
import { electronPdfPrinter } from './electronPdfPrinter';
import { resolveLibraryDir } from '../../core/libraryLocation';
import { ApiError } from '../../shared/contract/errors';
import { COMMAND_CHANNEL, type MenuCommand } from '../../shared/contract/bridge';
import { CORE_EVENT_CHANNEL } from '../../shared/contract/newsroom';
import { registerAppScheme, serveApp } from './appProtocol';
import { buildStartupError } from './startupError';
import { createMainWindow } from './createMainWindow';
import { holdCloseForFlush, unsavedCloseDialog } from './closeFlow';
import { hardenApp, hardenSession } from './hardenContents';
import { menuTemplate } from './buildMenu';
import { registerIpc } from './registerIpc';
import { MEDIA_BASE, serveMedia } from './mediaProtocol';
import { useHtmlPageWorker } from '../../core/exchange/import/readHtmlPage';
// electron-vite bundles the web-page reader's worker as its own file and gives its path here.
import htmlPageWorker from '../../core/exchange/import/htmlPageWorker?modulePath';
import { useSearchWorker } from '../../core/search/searchThread';
// …and the search index's worker (its own heap, so its collector never pauses a save).
import searchWorker from '../../core/search/searchWorker?modulePath';
import { useRuleSetWorker } from '../../core/style/proveRuleSet';
// …and the house-style rule set prover (an imported set's patterns take seconds to prove).
import ruleSetWorker from '../../core/style/ruleSetWorker?modulePath';

const out = join(import.meta.dirname, '..');
useHtmlPageWorker(htmlPageWorker);
useSearchWorker(searchWorker);
useRuleSetWorker(ruleSetWorker);
let core: Core | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Copydesk owns this machine's library: it will focus itself (second-instance below).
  app.quit();
} else {
  registerAppScheme(protocol);
  hardenApp(app, shell);

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.whenReady().then(async () => {
    // First, before anything can start the spellchecker (and its dictionary download) or ask for permissions.
    hardenSession(session.defaultSession);
    const libraryDir = resolveLibraryDir(process.argv, process.env, process.platform, homedir(), process.cwd());
    try {
      core = await openCore({
        libraryDir,
        appInfo: { version: app.getVersion(), platform: process.platform, host: 'electron', systemLocale: app.getLocale(), mediaBase: MEDIA_BASE },
        pdfPrinter: electronPdfPrinter(BrowserWindow),
        exportDir: join(app.getPath('documents'), 'Copydesk Exports'),
        revealPath: (path) => shell.showItemInFolder(path),
      });
    } catch (err) {
      const { title, message } = buildStartupError(err instanceof ApiError ? err : null, libraryDir, (err as Error).message);
      dialog.showErrorBox(title, message);
      app.exit(1);
      return;
    }
    serveApp(protocol, join(out, 'renderer'));
    serveMedia(protocol, core);
    const ipc = registerIpc(ipcMain, core.handlers, (contents) => win !== null && contents === win.webContents);
    const send = (command: MenuCommand) => win?.webContents.send(COMMAND_CHANNEL, command);
    core.onEvent((event) => win?.webContents.send(CORE_EVENT_CHANNEL, event));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, locale: app.getLocale(), isPackaged: app.isPackaged, send })));
    win = createMainWindow(BrowserWindow, join(out, 'preload', 'preload.cjs'));
    const shown = win;
    holdCloseForFlush(win, ipc, () => dialog.showMessageBoxSync(shown, unsavedCloseDialog(app.getLocale())) === 1);
    win.on('closed', () => (win = null));
  });

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    // Compacts the index and releases the library lock before the process ends.
    event.preventDefault();
    closing = true;
    void core.close().finally(() => app.exit(0));
  });
}
