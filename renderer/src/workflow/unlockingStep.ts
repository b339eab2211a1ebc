// The step that would let this person edit locked copy again, to name on the read-only banner:
// the desk on sent copy starts review, its reporter recalls it. Only steps this person may take.
import type { ArticleStatus } from '../../../shared/model/article';
import type { Role } from '../../../shared/model/person';
import { availableActions, canEdit, TRANSITIONS, type PermissionTable, type WorkflowAction } from '../../../shared/workflow/transitions';

/** Most direct first: review before return, so the desk is pointed at 데스킹 시작 rather than 반려. */
const UNLOCKING: readonly WorkflowAction[] = ['review', 'recall', 'reopen', 'correct', 'restore', 'return'];

export function unlockingStep(permissions: PermissionTable, role: Role, status: ArticleStatus, trashed: boolean): WorkflowAction | null {
  if (trashed) return null;
  const mine = availableActions(permissions, role, status);
  return UNLOCKING.find((action) => mine.includes(action) && canEdit(permissions, role, TRANSITIONS[action].to)) ?? null;
}
