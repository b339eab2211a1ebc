// Closing the window loses at most the last second of typing: the first close is held, the
// renderer is told to flush its autosave, and the window closes once IPC is idle (or after a
// short grace period, so a hung renderer never keeps the app open). If the renderer still holds
// edits it could not save (read-only now, a conflict, saves failing) its `beforeunload` refuses
// the close; the person is then asked (natively) whether to close anyway or stay.
import type { BrowserWindow } from 'electron';
import { COMMAND_CHANNEL } from '../../shared/contract/bridge';
import type { IpcTracker } from './registerIpc';

export const FLUSH_GRACE_MS = 1500;

/** True: close and lose the unsaved edits. False: stay (the article screen offers "save as a new draft"). */
export type AskDiscard = () => boolean;

export function holdCloseForFlush(win: Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed' | 'webContents'>, ipc: IpcTracker, askDiscard: AskDiscard, graceMs = FLUSH_GRACE_MS): void {
  let flushed = false;
  win.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    flushed = true;
    win.webContents.send(COMMAND_CHANNEL, 'flush');
    // Give the renderer a moment to send its save, then wait for every call in flight.
    const settle = new Promise<void>((ok) => setTimeout(ok, 150)).then(() => ipc.idle());
    const grace = new Promise<void>((ok) => setTimeout(ok, graceMs));
    void Promise.race([settle, grace]).then(() => {
      if (!win.isDestroyed()) win.close();
    });
  });
  // Electron shows no prompt of its own for a refused unload: preventing this event closes anyway.
  win.webContents.on('will-prevent-unload', (event: { preventDefault(): void }) => {
    if (askDiscard()) event.preventDefault();
    else flushed = false; // staying: the next close flushes and checks again
  });
}

const UNSAVED_CLOSE_TEXT = {
  ko: {
    buttons: ['머물기', '저장하지 않고 닫기'],
    message: '저장하지 못한 내용이 있습니다',
    detail: '이 기사에 저장할 수 없는 내용이 창에 남아 있습니다. 머물러서 "새 초고로 저장"을 누르면 지킬 수 있습니다.',
  },
  en: {
    buttons: ['Stay', 'Close without saving'],
    message: 'Some of your edits are not saved',
    detail: 'What you typed cannot be saved to this article. Stay and choose "Save as a new draft" to keep it.',
  },
};

/** The native question, in the system's language as the menu is (the main process does not know the UI setting). */
export function unsavedCloseDialog(locale: string) {
  const text = locale.toLowerCase().startsWith('ko') ? UNSAVED_CLOSE_TEXT.ko : UNSAVED_CLOSE_TEXT.en;
  return { type: 'warning' as const, defaultId: 0, cancelId: 0, title: 'Copydesk', ...text };
}
