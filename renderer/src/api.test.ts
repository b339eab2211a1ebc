// `call` names the person picked on the identity screen in every request, unless the caller names
// someone itself (or null, the first admin of a new library).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from './api';
import { setCurrentPerson } from './people/identity';

const sent = vi.fn(async (input: unknown) => ({ ok: true as const, value: input }));
vi.stubGlobal('window', { copydesk: new Proxy({}, { get: () => sent }) });
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
