// `call` names the person picked on the identity screen in every request, unless the caller names
// someone itself (or null, the first admin of a new library). `onEvent` follows the host once for
// every screen that listens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../shared/contract/newsroom';
import { call, onEvent } from './api';
import { setCurrentPerson } from './people/identity';

const sent = vi.fn(async (input: unknown) => ({ ok: true as const, value: input }));
let push: (event: CoreEvent) => void = () => undefined;
const hostOnEvent = vi.fn((listener: (event: CoreEvent) => void) => {
  push = listener;
  return () => undefined;
});
vi.stubGlobal('window', { copydesk: new Proxy({}, { get: (_target, key) => (key === 'onEvent' ? hostOnEvent : sent) }) });
afterEach(() => {
  sent.mockClear();
  setCurrentPerson(null);
});

describe('call', () => {
  it('fills in the current person when the caller names no one', async () => {
    setCurrentPerson('person-0001');
    await call('getHistory', { id: '00000000-0000-4000-8000-000000000001' });
    expect(sent).toHaveBeenCalledWith({ id: '00000000-0000-4000-8000-000000000001', actor: 'person-0001' });
  });

  it('keeps a person or a null the caller named', async () => {
    setCurrentPerson('person-0001');
    await call('createArticle', { actor: 'person-0002' });
    await call('savePerson', { actor: null, person: { name: 'x', role: 'admin', desk: '', email: '', bylineName: '', bylineRole: '', active: true } });
    expect(sent.mock.calls.map(([input]) => (input as { actor: unknown }).actor)).toEqual(['person-0002', null]);
  });

  it('sends no actor before anyone has been picked', async () => {
    await call('listPeople', {});
    expect(sent).toHaveBeenCalledWith({});
  });
});

describe('onEvent', () => {
  it('follows the host once and passes each event to every listener still listening', () => {
    const a: CoreEvent[] = [];
    const b: CoreEvent[] = [];
    const stopA = onEvent((e) => a.push(e));
    onEvent((e) => b.push(e));
    expect(hostOnEvent).toHaveBeenCalledTimes(1);
    push({ type: 'connection', state: 'online' });
    stopA();
    push({ type: 'connection', state: 'offline' });
    expect(a).toEqual([{ type: 'connection', state: 'online' }]);
    expect(b).toEqual([{ type: 'connection', state: 'online' }, { type: 'connection', state: 'offline' }]);
  });
});
