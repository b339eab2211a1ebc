// The browser host's stand-in for Electron's preload: a script that defines `window.copydesk`
// with one function per contract method, each POSTing to the host and resolving to the envelope.
import { methods } from '../shared/contract/api';
import { BODY_LIMITS, DEFAULT_BODY_LIMIT } from './bodyLimits';
import { FRAMED_TYPE } from './requestBody';
import { EVENTS_PATH } from './eventsPath';

export function bridgeScript(token: string): string {
  return `(() => {
  'use strict';
  const token = ${JSON.stringify(token)};
  // The token is in the address only for the first load: the HttpOnly cookie set then carries
  // reloads, so it leaves the address bar (and history, and screenshots of it) now.
  const address = new URL(location.href);
  if (address.searchParams.has('token')) {
    address.searchParams.delete('token');
    history.replaceState(history.state, '', address.pathname + address.search + address.hash);
  }
  const limits = ${JSON.stringify(BODY_LIMITS)};
  const utf8 = new TextEncoder();
  const unreachable = (err) => ({ ok: false, error: { code: 'internal', message: 'Copydesk host unreachable: ' + (err && err.message), params: { reason: 'hostUnreachable' } } });
  const tooLarge = (limit) => ({ ok: false, error: { code: 'tooLarge', message: 'request too large', params: { limitMB: Math.floor(limit / 1048576) } } });
  // Bytes travel raw after one line of JSON that points at them ({"$bytes": [offset, length]}).
  const encode = (input) => {
    const parts = [];
    let offset = 0;
    const json = JSON.stringify(input, (_key, value) => {
      if (!(value instanceof Uint8Array)) return value;
      parts.push(value);
      offset += value.byteLength;
      return { $bytes: [offset - value.byteLength, value.byteLength] };
    });
    // UTF-8 bytes counted without a Blob, whose creation is a round trip to the browser process.
    if (parts.length === 0) return { body: json, type: 'application/json', size: utf8.encode(json).byteLength };
    const body = new Blob([json, '\\n', ...parts]);
    return { body, type: ${JSON.stringify(FRAMED_TYPE)}, size: body.size };
  };
  const call = (method) => async (input) => {
    const { body, type, size } = encode(input === undefined ? {} : input);
    const limit = limits[method] || ${DEFAULT_BODY_LIMIT};
    if (size > limit) return tooLarge(limit);
    try {
      const res = await fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': type, 'x-copydesk-token': token },
        credentials: 'same-origin',
        body,
        // keepalive lets a save sent from pagehide arrive; browsers cap keepalive bodies at 64 KB.
        keepalive: typeof body === 'string' && size < 60000,
      });
      return await res.json();
    } catch (err) {
      return unreachable(err);
    }
  };
  const api = {};
  for (const method of ${JSON.stringify(methods)}) api[method] = call(method);
  // The core's pushes: one stream for all listeners (a browser allows few connections per host),
  // opened with the first and closed with the last. EventSource reconnects by itself.
  const listeners = new Set();
  let source = null;
  api.onEvent = (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(${JSON.stringify(EVENTS_PATH)});
      source.onmessage = (message) => {
        let event;
        try {
          event = JSON.parse(message.data);
        } catch {
          return;
        }
        for (const l of listeners) l(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
  Object.defineProperty(window, 'copydesk', { value: Object.freeze(api), enumerable: true });
})();
`;
}
