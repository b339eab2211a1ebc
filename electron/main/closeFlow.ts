// Closing the window loses at most the last second of typing: the first close is held, the
// renderer is told to flush its autosave, and the window closes once IPC is idle (or after a
// short grace period, so a hung renderer never keeps the app open).
import type { BrowserWindow } from 'electron';
import { COMMAND_CHANNEL } from '../../shared/contract/bridge';
import type { IpcTracker } from './registerIpc';

export const FLUSH_GRACE_MS = 1500;

export function holdCloseForFlush(win: Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed' | 'webContents'>, ipc: IpcTracker, graceMs = FLUSH_GRACE_MS): void {
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
}
