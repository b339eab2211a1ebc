// The workflow rules without a disk: who may take which step from which state under the default
// table, what the checklist blocks, and what an embargo holds back (with a fake clock).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../contract/errors';
import { emptyContent, type Article, type ArticleStatus } from '../model/article';
import { defaultSettings } from '../model/settings';
import type { Person, Role } from '../model/person';
import { assertCanEdit, assertReleasable, decideTransition } from './decide';
import { missingForApproval } from './checklist';
import { WORKFLOW_ACTIONS, type WorkflowAction } from './transitions';

const settings = defaultSettings();
const person = (role: Role): Person => ({ id: `person-${role}`, name: role, role, desk: '산업부', email: '', bylineName: role, bylineRole: '기자', active: true });
const NOW = new Date('2026-11-27T09:00:00Z');

/** An article that passes every checklist item. */
function article(status: ArticleStatus, patch: Partial<Article> = {}): Article {
  return {
    ...emptyContent('ko'),
    headline: '폐배터리 재활용 공장 착공',
    byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: '' }] },
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }] },
    schemaVersion: 3,
    id: 'a1b2c3d4-0000-4000-8000-000000000000',
    revision: 3,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    status,
    trashedAt: null,
    ownerId: null,
    corrections: [],
    lastTransition: null,
    ...patch,
  };
}

const STATES: ArticleStatus[] = ['draft', 'sent', 'review', 'approved', 'returned', 'published', 'spiked'];

// Written out by hand from the issue's default ("reporters draft and send, editors review,
// approve, return, spike, correct; admins everything"), not computed from the table under test.
const DESK: [WorkflowAction, ArticleStatus][] = [
  ['send', 'draft'], ['send', 'returned'], ['recall', 'sent'], ['review', 'sent'],
  ['return', 'sent'], ['return', 'review'], ['return', 'approved'], ['approve', 'review'], ['reopen', 'approved'],
  ['publish', 'approved'], ['spike', 'draft'], ['spike', 'sent'], ['spike', 'review'], ['spike', 'returned'], ['spike', 'approved'],
  ['restore', 'spiked'], ['correct', 'published'],
];
const EXPECTED_ALLOWED: Record<Role, [WorkflowAction, ArticleStatus][]> = {
  reporter: [['send', 'draft'], ['send', 'returned'], ['recall', 'sent']],
  editor: DESK,
  admin: DESK,
};

describe('transitions by role (default table)', () => {
  for (const role of ['reporter', 'editor', 'admin'] as Role[]) {
    it(`${role}: exactly the expected steps are allowed from each state`, () => {
      const allowed: string[] = [];
      for (const action of WORKFLOW_ACTIONS) {
        for (const state of STATES) {
          try {
            decideTransition(article(state), person(role), { action, note: '사유', override: false }, settings, NOW);
            allowed.push(`${action}:${state}`);
          } catch (err) {
            expect(err).toBeInstanceOf(ApiError);
            expect((err as ApiError).code).toBe('forbidden');
          }
        }
      }
      expect(allowed.sort()).toEqual(EXPECTED_ALLOWED[role].map(([a, s]) => `${a}:${s}`).sort());
    });
  }

  it('says why: the role for a reporter approving, the state for approving a draft', () => {
    const byRole = () => decideTransition(article('review'), person('reporter'), { action: 'approve', note: '', override: false }, settings, NOW);
    expect(byRole).toThrow(expect.objectContaining({ code: 'forbidden', params: expect.objectContaining({ reason: 'role', action: 'approve' }) }));
    const byState = () => decideTransition(article('draft'), person('editor'), { action: 'approve', note: '', override: false }, settings, NOW);
    expect(byState).toThrow(expect.objectContaining({ code: 'forbidden', params: expect.objectContaining({ reason: 'state', state: 'draft' }) }));
  });

  it('follows the table in settings: a desk that lets reporters publish', () => {
    const custom = structuredClone(settings);
    custom.workflow.permissions.publish = ['reporter', 'editor', 'admin'];
    expect(decideTransition(article('approved'), person('reporter'), { action: 'publish', note: '', override: false }, custom, NOW).to).toBe('published');
  });

  it('returning and correcting need a note', () => {
    for (const [action, state] of [['return', 'review'], ['correct', 'published']] as const) {
      expect(() => decideTransition(article(state), person('editor'), { action, note: '  ', override: false }, settings, NOW)).toThrow(expect.objectContaining({ code: 'noteRequired' }));
      expect(decideTransition(article(state), person('editor'), { action, note: '3문단 수치 확인', override: false }, settings, NOW).to).toBe(action === 'return' ? 'returned' : 'review');
    }
  });
});

describe('who may edit the copy', () => {
  const editable = (role: Role, state: ArticleStatus) => {
    try {
      assertCanEdit(article(state), person(role), settings);
      return true;
    } catch {
      return false;
    }
  };
  it('reporters edit drafts and returned copy only; the desk also edits in review; no one edits sent, approved, published or spiked copy', () => {
    expect(STATES.filter((s) => editable('reporter', s))).toEqual(['draft', 'returned']);
    expect(STATES.filter((s) => editable('editor', s))).toEqual(['draft', 'review', 'returned']);
    expect(STATES.filter((s) => editable('admin', s))).toEqual(['draft', 'review', 'returned']);
  });
});

describe('pre-approval checklist', () => {
  const figure = (attrs: Record<string, string>, caption = '') => ({ type: 'figure', attrs: { photoId: 'a'.repeat(64), ...attrs }, content: [{ type: 'figureCaption', content: caption ? [{ type: 'text', text: caption }] : [] }] });
  const withBody = (...content: unknown[]) => ({ type: 'doc' as const, content: content as Article['body']['content'] });

  it('lists every missing item, in order', () => {
    const bare = article('review', {
      headline: ' ',
      byline: { outlet: '한빛경제', desk: '', templateId: '', reporters: [] },
      body: withBody(figure({ credit: '' }), figure({ photoId: '', credit: 'c', alt: 'a' }, '사진을 기다리는 자리'), { type: 'paragraph', content: [{ type: 'text', text: '매출은 TK억원' }] }),
      tags: ['엠바고'],
    });
    expect(missingForApproval(bare, settings)).toEqual(['headline', 'byline', 'photo', 'photoCaption', 'photoCredit', 'photoAlt', 'openNotes', 'embargo']);
    expect(missingForApproval(article('review'), settings)).toEqual([]);
  });

  it('checks the length against the target with the tolerance from settings', () => {
    const body = withBody({ type: 'paragraph', content: [{ type: 'text', text: '가'.repeat(100) }] });
    expect(missingForApproval(article('review', { body, lengthTarget: { unit: 'chars', value: 200 } }), settings)).toEqual(['length']);
    expect(missingForApproval(article('review', { body, lengthTarget: { unit: 'chars', value: 105 } }), settings)).toEqual([]);
  });

  it('blocks approval with the list, and lets an editor override with a reason', () => {
    const incomplete = article('review', { headline: '' });
    const attempt = (role: Role, override: boolean, note = '') => decideTransition(incomplete, person(role), { action: 'approve', note, override }, settings, NOW);
    expect(() => attempt('editor', false)).toThrow(expect.objectContaining({ code: 'checklistFailed', params: { missing: 'headline' } }));
    expect(() => attempt('editor', true)).toThrow(expect.objectContaining({ code: 'noteRequired' }));
    expect(attempt('editor', true, '속보라 제목은 온라인팀이 단다')).toEqual({ to: 'approved', overridden: ['headline'] });
  });

  it('skips items switched off in settings', () => {
    const lax = structuredClone(settings);
    lax.workflow.checklist.items.headline = false;
    expect(missingForApproval(article('review', { headline: '' }), lax)).toEqual([]);
  });
});

describe('embargo', () => {
  const embargoed = article('approved', { embargo: '2026-11-27T12:00:00.000Z' });
  it('holds publication until its time; after it, publishing needs nothing', () => {
    expect(() => decideTransition(embargoed, person('editor'), { action: 'publish', note: '', override: false }, settings, NOW)).toThrow(
      expect.objectContaining({ code: 'embargoed', params: { until: '2026-11-27T12:00:00.000Z' } }),
    );
    const later = new Date('2026-11-27T12:00:01Z');
    expect(decideTransition(embargoed, person('editor'), { action: 'publish', note: '', override: false }, settings, later)).toEqual({ to: 'published', overridden: [] });
  });

  it('an editor may override with a reason, and the override is named; a reporter may not export early', () => {
    expect(decideTransition(embargoed, person('editor'), { action: 'publish', note: '엠바고 해제 통보 받음', override: true }, settings, NOW).overridden).toEqual(['embargo']);
    const ask = (override: boolean, note = '') => ({ override, note });
    expect(assertReleasable(embargoed, person('editor'), settings, NOW, ask(true, '해제 통보'))).toEqual(['embargo']);
    expect(() => assertReleasable(embargoed, person('editor'), settings, NOW, ask(true))).toThrow(expect.objectContaining({ code: 'noteRequired' }));
    expect(() => assertReleasable(embargoed, person('reporter'), settings, NOW, ask(true, '급해요'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => assertReleasable(embargoed, person('editor'), settings, NOW, ask(false))).toThrow(expect.objectContaining({ code: 'embargoed' }));
    expect(assertReleasable(embargoed, person('reporter'), settings, new Date('2026-11-28T00:00:00Z'), ask(false))).toEqual([]);
  });
});
