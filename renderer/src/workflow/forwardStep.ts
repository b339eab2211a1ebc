// The step that moves a story on towards publication, shown as the bar's primary button: 출고 for
// the reporter, then 데스킹 시작, 승인 and 출판 for the desk. Only one of them is ever open in a state.
import type { WorkflowAction } from '../../../shared/workflow/transitions';

const FORWARD: ReadonlySet<WorkflowAction> = new Set(['send', 'review', 'approve', 'publish']);

export function isForwardStep(action: WorkflowAction): boolean {
  return FORWARD.has(action);
}
