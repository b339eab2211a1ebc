import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, methods } from '../../shared/contract/api';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (...args: unknown[]) => void>();
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, value: 1 })),
  on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn)),
  removeListener: vi.fn((channel: string) => listeners.delete(channel)),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
}));

beforeEach(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes exactly the contract methods, onCommand and onEvent, nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['copydesk']);
    expect(Object.keys(exposed.copydesk as object).sort()).toEqual([...methods, 'onCommand', 'onEvent'].sort());
  });

  it('sends each method on its own channel', async () => {
    const api = exposed.copydesk as Record<string, (input: unknown) => Promise<unknown>>;
    for (const m of methods) {
      await api[m]({ probe: m });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(m), { probe: m });
    }
  });

  it('passes only valid command names to listeners, never the IPC event', () => {
    const api = exposed.copydesk as { onCommand(l: (c: string) => void): () => void };
    const got: unknown[][] = [];
    const off = api.onCommand((...args) => got.push(args));
    const fire = listeners.get('copydesk:command')!;
    fire({ sender: 'ipc-event' }, 'flush');
    fire({ sender: 'ipc-event' }, 'rm -rf');
    expect(got).toEqual([['flush']]);
    off();
    expect(listeners.has('copydesk:command')).toBe(false);
  });

  it('passes only core events that match their schema, never the IPC event', () => {
    const api = exposed.copydesk as { onEvent(l: (e: unknown) => void): () => void };
    const got: unknown[][] = [];
    const off = api.onEvent((...args) => got.push(args));
    const fire = listeners.get('copydesk:event')!;
    fire({ sender: 'ipc-event' }, { type: 'connection', state: 'offline' });
    fire({ sender: 'ipc-event' }, { type: 'connection', state: 'hacked' });
    fire({ sender: 'ipc-event' }, '<script>');
    // A live story's changes, presence and status pass too; an update that is not base64 does not.
    const live = [
      { type: 'liveUpdate', id: 'story-0001', update: 'AQID' },
      { type: 'liveAwareness', id: 'story-0001', update: 'AQID' },
      { type: 'liveStatus', id: 'story-0001', status: { readOnly: true, unsynced: 0, connected: true, seq: 1 } },
      { type: 'liveEnded', id: 'story-0001', reason: 'epoch' },
    ];
    for (const event of live) fire({ sender: 'ipc-event' }, event);
    fire({ sender: 'ipc-event' }, { type: 'liveUpdate', id: 'story-0001', update: '<b>' });
    expect(got).toEqual([[{ type: 'connection', state: 'offline' }], ...live.map((e) => [e])]);
    off();
    expect(listeners.has('copydesk:event')).toBe(false);
  });
});
