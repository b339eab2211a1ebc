// @vitest-environment jsdom
// The live badge: stored, waiting, dropped — and a story the core let go for good says why in its
// own words instead of promising to reconnect; one the screen opens again by itself says nothing new.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import * as Y from 'yjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { CoreEvent } from '../../../shared/contract/newsroom';
import type { LiveEndReason } from '../../../shared/contract/liveStory';
import { en } from '../i18n/en';
import { openLiveDocument, type LiveBridge, type LiveDocument } from '../newsroom/live/LiveDocument';
import { toBase64 } from '../newsroom/live/base64';
import { LiveSyncState } from './LiveSyncState';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });

const ID = 'story-0001';
const listeners = new Set<(event: CoreEvent) => void>();
const bridge: LiveBridge = {
  call: (async (method: string) => (method === 'openLiveStory' ? { state: toBase64(Y.encodeStateAsUpdate(new Y.Doc())), readOnly: false, unsynced: 0, connected: true, seq: 1 } : null)) as LiveBridge['call'],
  onEvent: (listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  schedule: () => undefined,
};
const push = (event: CoreEvent) => act(() => listeners.forEach((l) => l(event)));

let root: Root | null = null;
let live: LiveDocument | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  live?.discard();
  listeners.clear();
});

async function badge(): Promise<HTMLElement> {
  live = await openLiveDocument(ID, { bridge });
  const host = document.createElement('div');
  root = createRoot(host);
  act(() => root!.render(<LiveSyncState live={live!} />));
  return host;
}
const shown = (host: HTMLElement) => host.querySelector<HTMLElement>('[data-testid="live-sync"]')!;

describe('the live badge', () => {
  it('says stored, then dropped while the connection is down', async () => {
    const host = await badge();
    expect(shown(host).textContent).toBe(en.live.stored);
    push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: false, seq: 2 } });
    expect(shown(host).textContent).toBe(en.live.disconnected);
  });

  it('offline, says when the server last held everything typed, once the core knows', async () => {
    const host = await badge();
    const at = '2026-12-07T08:12:00.000Z';
    push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 2, connected: false, seq: 2, syncedAt: at } });
    const time = new Date(at).toLocaleString('en', { dateStyle: 'short', timeStyle: 'short' });
    expect(shown(host).textContent).toBe(`${en.live.disconnected} ${en.live.lastStored.replace('{{time}}', time)}`);
    expect(shown(host).dataset.stored).toBe('false');
  });

  it('says when this computer cannot keep a copy, instead of promising it keeps one; stored again, says stored', async () => {
    const host = await badge();
    push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 1, connected: false, seq: 2, notKept: true } });
    expect(shown(host).textContent).toBe(en.live.notKept);
    expect(shown(host).dataset.kept).toBe('false');
    expect(shown(host).getAttribute('role')).toBe('alert');
    push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: true, seq: 3, notKept: true } });
    expect(shown(host).textContent).toBe(en.live.stored);
  });

  it.each(['notSignedIn', 'forbidden', 'notFound'] as const)('a story let go as %s says so, and no longer promises to reconnect', async (reason) => {
    const host = await badge();
    push({ type: 'liveEnded', id: ID, reason });
    expect(shown(host).dataset.ended).toBe(reason);
    expect(shown(host).textContent).toBe(en.live.ended[reason]);
    expect(shown(host).textContent).not.toBe(en.live.disconnected);
  });

  it('a story the screen opens again by itself (a new document) gets no sentence of its own', async () => {
    const host = await badge();
    push({ type: 'liveEnded', id: ID, reason: 'epoch' satisfies LiveEndReason });
    expect(shown(host).dataset.ended).toBeUndefined();
  });
});
