// The browser host's stand-in for Electron's preload: a script that defines `window.copydesk`
// with one function per contract method, each POSTing to the host and resolving to the envelope.
import { methods } from '../../shared/contract/api';

export function bridgeScript(token: string): string {
  return `(() => {
  'use strict';
  const token = ${JSON.stringify(token)};
  const unreachable = (err) => ({ ok: false, error: { code: 'internal', message: 'Copydesk host unreachable: ' + (err && err.message), params: { reason: 'hostUnreachable' } } });
  // Photo bytes travel as {"$bytes": base64}; the host turns them back into bytes.
  const base64 = (bytes) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(new Blob([bytes]));
  });
  const encode = async (value) => {
    if (value instanceof Uint8Array) return { $bytes: await base64(value) };
    if (Array.isArray(value)) return Promise.all(value.map(encode));
    if (value && typeof value === 'object') {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = await encode(v);
      return out;
    }
    return value;
  };
  const call = (method) => async (input) => {
    const body = JSON.stringify(await encode(input === undefined ? {} : input));
    try {
      const res = await fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-copydesk-token': token },
        credentials: 'same-origin',
        body,
        // keepalive lets a save sent from pagehide arrive; browsers cap keepalive bodies at 64 KB.
        keepalive: body.length < 60000,
      });
      return await res.json();
    } catch (err) {
      return unreachable(err);
    }
  };
  const api = {};
  for (const method of ${JSON.stringify(methods)}) api[method] = call(method);
  Object.defineProperty(window, 'copydesk', { value: Object.freeze(api), enumerable: true });
})();
`;
}
