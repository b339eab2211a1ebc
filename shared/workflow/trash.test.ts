// The trash rules without a disk: who may move copy in and out, the refusals the access gate and
// the library both send (state before role), and that emptying is the admin's alone.
import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../model/article';
import type { Role } from '../model/person';
import { defaultPermissions, type PermissionTable } from './transitions';
import { mayDiscardUntouched } from './discard';
import { inTheTrash, refuseEmptyTrash, refuseTrashMove } from './trash';

const reporter = { id: 'r1', role: 'reporter' as Role };
const editor = { id: 'e1', role: 'editor' as Role };
const copy = (status: ArticleStatus, trashed: boolean, ownerId: string | null = 'r1') => ({ id: 'a1', status, trashed, ownerId });
const why = (e: ReturnType<typeof refuseTrashMove>) => (e ? `${e.code}:${String(e.params.reason)}:${String(e.params.action)}` : 'allowed');

describe('moving copy into and out of the trash', () => {
  const table = defaultPermissions();

  it('lets a reporter bin and bring back their own draft or returned copy, and nothing on its way out', () => {
    expect(why(refuseTrashMove(table, reporter, copy('draft', false), true))).toBe('allowed');
    expect(why(refuseTrashMove(table, reporter, copy('returned', true), false))).toBe('allowed');
    expect(why(refuseTrashMove(table, reporter, copy('sent', false), true))).toBe('forbidden:role:trash');
    expect(why(refuseTrashMove(table, reporter, copy('review', true), false))).toBe('forbidden:role:untrash');
    expect(why(refuseTrashMove(table, reporter, copy('draft', false, 'someone-else'), true))).toBe('forbidden:role:trash');
  });

  it('lets whoever may spike bin anyone\'s copy in any state', () => {
    expect(why(refuseTrashMove(table, editor, copy('approved', false, 'r1'), true))).toBe('allowed');
    const noSpike: PermissionTable = { ...table, spike: ['admin'] };
    expect(why(refuseTrashMove(noSpike, editor, copy('approved', false, 'r1'), true))).toBe('forbidden:role:trash');
  });

  it('refuses a move to where the copy already is, by state, before asking about the role', () => {
    const already = refuseTrashMove(table, reporter, copy('sent', true), true);
    expect(why(already)).toBe('forbidden:state:trash');
    expect(already?.params.state).toBe('trashed');
    const notIn = refuseTrashMove(table, editor, copy('review', false), false);
    expect(why(notIn)).toBe('forbidden:state:untrash');
    expect(notIn?.params.state).toBe('review');
  });

  it('names the copy in the trash, so the UI can say to bring it back first', () => {
    const e = inTheTrash({ id: 'a1', status: 'approved' });
    expect([e.code, e.params.reason, e.params.state]).toEqual(['forbidden', 'trashed', 'approved']);
  });
});

describe('emptying the trash', () => {
  it('is the admin\'s alone', () => {
    expect(refuseEmptyTrash('admin')).toBeNull();
    for (const role of ['reporter', 'editor'] as Role[]) expect(refuseEmptyTrash(role)?.params).toEqual({ reason: 'role', action: 'emptyTrash', role });
  });
});

describe('discarding a new draft on leaving it', () => {
  const fresh = { revision: 0, status: 'draft' as ArticleStatus, trashedAt: null, ownerId: 'r1' };
  it('takes only its creator\'s never-saved draft out of the trash', () => {
    expect(mayDiscardUntouched(fresh, 'r1')).toBe(true);
    expect(mayDiscardUntouched(fresh, 'e1')).toBe(false);
    expect(mayDiscardUntouched({ ...fresh, revision: 1 }, 'r1')).toBe(false);
    expect(mayDiscardUntouched({ ...fresh, status: 'sent' }, 'r1')).toBe(false);
    expect(mayDiscardUntouched({ ...fresh, trashedAt: '2026-01-01T00:00:00.000Z' }, 'r1')).toBe(false);
  });
});
