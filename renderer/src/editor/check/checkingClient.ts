// Whether this window checks copy while it is typed, and the worker that does it. On by default;
// `copydesk.check` = `off` in local storage turns it off (the typing benchmark measures both).
import { workerCheckClient, type CheckClient } from './checkClient';

export const CHECK_SETTING = 'copydesk.check';

export function checkingClient(): CheckClient | null {
  if (typeof Worker === 'undefined') return null;
  try {
    if (globalThis.localStorage?.getItem(CHECK_SETTING) === 'off') return null;
  } catch {
    // No storage (a locked-down profile): check as by default.
  }
  return workerCheckClient();
}
