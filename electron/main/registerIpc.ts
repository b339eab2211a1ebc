// Mounts every contract method on ipcMain. Each call is checked for its sender (our window's top
// frame, on app://) and then goes through the shared `dispatch`, which validates the payload with
// zod and never lets an exception cross the process boundary.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, methods } from '../../shared/contract/api';
import { dispatch, type Handlers } from '../../shared/contract/dispatch';
import { ApiError } from '../../shared/contract/errors';
import { APP_ORIGIN } from './appProtocol';

export interface IpcTracker {
  /** Resolves once no call is being handled (used before a window closes). */
  idle(): Promise<void>;
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, isOurContents: (c: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false; // subframes never speak for the app
  if (!frame.url.startsWith(`${APP_ORIGIN}/`)) return false;
  return isOurContents(event.sender);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isOurContents: (c: WebContents) => boolean): IpcTracker {
  let active = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (--active === 0) {
      waiters.forEach((w) => w());
      waiters = [];
    }
  };
  for (const method of methods) {
    ipcMain.handle(channelOf(method), async (event, payload: unknown) => {
      if (!isTrustedSender(event, isOurContents)) {
        return { ok: false, error: new ApiError('forbidden', `untrusted sender for ${method}`, { method }).toJSON() };
      }
      active++;
      try {
        return await dispatch(handlers, method, payload);
      } finally {
        settle();
      }
    });
  }
  return { idle: () => (active === 0 ? Promise.resolve() : new Promise((ok) => waiters.push(ok))) };
}
