// The access table without a disk: which methods are open, how the first-admin path depends on the
// library's past, and that a changed permission table moves the decision with it.
import { describe, expect, it } from 'vitest';
import type { Person, Role } from '../model/person';
import { ACCESS, decideAccess, OPEN_METHODS, refuseBackupRestore, SETTINGS_SECTIONS, type AccessContext, type ArticleFacts } from './access';
import { defaultPermissions } from './transitions';

const person = (role: Role, active = true): Person => ({ id: `person-${role}`, name: role, role, desk: '', email: '', bylineName: role, bylineRole: '', active });
const everyone = [person('reporter'), person('editor'), person('admin')];

function context(article: ArticleFacts | null, patch: Partial<AccessContext> = {}): AccessContext {
  return {
    personOf: (id) => everyone.find((p) => p.id === id) ?? null,
    articleOf: () => article,
    permissions: defaultPermissions(),
    people: { now: everyone.length, ever: true },
    ...patch,
  };
}
const reason = (e: ReturnType<typeof decideAccess>) => (e ? `${e.code}:${String(e.params.reason ?? '')}` : 'allowed');

describe('the access table', () => {
  it('keeps exactly what the identity screen needs open', () => {
    // Connecting a folder to a newsroom (and signing out of it) happens on the identity screen too:
    // the server's password decides who the person is, not this machine's people list.
    expect([...OPEN_METHODS].sort()).toEqual(['connectNewsroom', 'disconnectNewsroom', 'getAppInfo', 'getLibraryInfo', 'getSettings', 'listPeople']);
    expect(ACCESS.savePerson).toBe('firstPerson');
  });

  it('opens the first-admin path only in a library that never had people', () => {
    const empty = { now: 0, ever: false };
    expect(reason(decideAccess('savePerson', { actor: null }, context(null, { people: empty })))).toBe('allowed');
    expect(reason(decideAccess('savePerson', { actor: null }, context(null, { people: { now: 0, ever: true } })))).toBe('forbidden:peopleLost');
    expect(reason(decideAccess('savePerson', { actor: null }, context(null)))).toBe('forbidden:unknownPerson');
    expect(reason(decideAccess('savePerson', { actor: 'person-editor' }, context(null)))).toBe('forbidden:role');
    expect(reason(decideAccess('savePerson', { actor: 'person-admin' }, context(null)))).toBe('allowed');
  });

  it('follows the permission table an admin edits: given `review`, a reporter may edit copy in review', () => {
    const review: ArticleFacts = { status: 'review', trashed: false, ownerId: 'person-reporter', bylineNames: [] };
    const req = { actor: 'person-reporter', id: 'a' };
    expect(reason(decideAccess('saveArticle', req, context(review)))).toBe('forbidden:readOnly');
    const permissions = { ...defaultPermissions(), review: ['reporter', 'editor', 'admin'] as Role[] };
    expect(reason(decideAccess('saveArticle', req, context(review, { permissions })))).toBe('allowed');
    expect(reason(decideAccess('saveArticle', req, context({ ...review, trashed: true }, { permissions })))).toBe('forbidden:trashed');
  });

  it('decides a settings change by the strictest section it touches', () => {
    const ask = (role: Role, patch: Record<string, unknown>) => reason(decideAccess('updateSettings', { actor: `person-${role}`, ...patch }, context(null)));
    expect(ask('reporter', { uiLanguage: 'en' })).toBe('allowed');
    expect(ask('reporter', { uiLanguage: 'en', outlet: 'x' })).toBe('forbidden:role');
    expect(ask('editor', { outlet: 'x', photos: {} })).toBe('allowed');
    expect(ask('editor', { outlet: 'x', exportDir: '/x' })).toBe('forbidden:role');
    expect(ask('admin', { workflow: {}, backups: {}, exportDir: '' })).toBe('allowed');
    // The outlet's rules and word list are an admin's: an editor may change the outlet's name, not its house style rules.
    expect(ask('editor', { outlet: 'x', houseStyle: {} })).toBe('forbidden:role');
    expect(ask('admin', { houseStyle: {} })).toBe('allowed');
    expect(Object.entries(SETTINGS_SECTIONS).filter(([, s]) => s === 'library').map(([k]) => k).sort()).toEqual(['backups', 'exportDir', 'houseStyle', 'workflow']);
  });

  it('refuses an inactive person like an unknown one', () => {
    const ctx = context(null, { personOf: () => person('admin', false) });
    expect(reason(decideAccess('listArticles', { actor: 'person-admin' }, ctx))).toBe('forbidden:unknownPerson');
  });

  it('gives articles back from a backup to the desk and the whole library to the admin, at the gate and in the backup service alike', () => {
    const restore = (role: Role, ids?: string[]) => reason(decideAccess('restoreBackup', { actor: `person-${role}`, ids }, context(null)));
    expect([restore('reporter', ['a']), restore('editor', ['a']), restore('admin', ['a'])]).toEqual(['forbidden:role', 'allowed', 'allowed']);
    expect([restore('reporter'), restore('editor'), restore('admin')]).toEqual(['forbidden:role', 'forbidden:role', 'allowed']);
    // The backup service asks the same function; the action names what was refused.
    expect(refuseBackupRestore('editor', true)?.params).toEqual({ reason: 'role', action: 'restoreLibrary', role: 'editor' });
    expect(refuseBackupRestore('reporter', false)?.params).toEqual({ reason: 'role', action: 'restoreBackup', role: 'reporter' });
  });
});
