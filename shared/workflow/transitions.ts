// The desk workflow as data: which action moves an article from which state to which, who may do
// it by default, and who may edit the copy in each state. The core enforces this; the renderer
// uses the same functions only to show the buttons a person would be allowed to press.
// No zod here (the library's first load uses these rules); their schemas are in workflowSchemas.ts.
import type { ArticleStatus } from '../model/article';
import type { Role } from '../model/person';

export const WORKFLOW_ACTIONS = ['send', 'recall', 'review', 'return', 'approve', 'reopen', 'publish', 'spike', 'restore', 'correct'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * Everything the permission table governs: the actions, overriding the checklist or an embargo,
 * and seeing drafts that are not one's own (shared/workflow/visibility.ts).
 */
export const PERMISSIONS = [...WORKFLOW_ACTIONS, 'override', 'seeDrafts'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const TRANSITIONS: Record<WorkflowAction, { from: readonly ArticleStatus[]; to: ArticleStatus }> = {
  send: { from: ['draft', 'returned'], to: 'sent' }, // 출고
  recall: { from: ['sent'], to: 'draft' }, // the reporter takes back what the desk has not picked up
  review: { from: ['sent'], to: 'review' }, // 데스킹
  return: { from: ['sent', 'review', 'approved'], to: 'returned' }, // 반려
  approve: { from: ['review'], to: 'approved' }, // 승인
  reopen: { from: ['approved'], to: 'review' },
  publish: { from: ['approved'], to: 'published' },
  spike: { from: ['draft', 'sent', 'review', 'returned', 'approved'], to: 'spiked' }, // 폐기
  restore: { from: ['spiked'], to: 'draft' },
  correct: { from: ['published'], to: 'review' }, // 정정
};

/** Actions that must say why: the reporter needs to know what to fix, readers what was corrected. */
export const NOTE_REQUIRED: ReadonlySet<WorkflowAction> = new Set(['return', 'correct']);

export type PermissionTable = Record<Permission, Role[]>;

export function defaultPermissions(): PermissionTable {
  const desk: Role[] = ['editor', 'admin'];
  return {
    send: ['reporter', 'editor', 'admin'],
    recall: ['reporter', 'editor', 'admin'],
    review: [...desk],
    return: [...desk],
    approve: [...desk],
    reopen: [...desk],
    publish: [...desk],
    spike: [...desk],
    restore: [...desk],
    correct: [...desk],
    override: [...desk],
    seeDrafts: [...desk],
  };
}

export function may(table: PermissionTable, role: Role, permission: Permission): boolean {
  return table[permission]?.includes(role) ?? false;
}

/** Actions that lead out of `state` and that `role` may take. */
export function availableActions(table: PermissionTable, role: Role, state: ArticleStatus): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state) && may(table, role, a));
}

/**
 * Who may change the copy in each state: anyone while it is a draft or back with the reporter;
 * in review only those who may review (the desk), so the reporter's copy is read-only; and no one
 * once it is sent, approved, published or spiked — those need an action first.
 */
export function canEdit(table: PermissionTable, role: Role, state: ArticleStatus): boolean {
  if (state === 'draft' || state === 'returned') return true;
  if (state === 'review') return may(table, role, 'review');
  return false;
}
