import { describe, expect, it } from 'vitest';
import { isForwardStep } from './forwardStep';
import { availableActions, defaultPermissions, WORKFLOW_ACTIONS } from '../../../shared/workflow/transitions';
import { ArticleStatusSchema } from '../../../shared/model/article';

describe('the workflow bar’s primary step', () => {
  it('is 출판 once approved, as 출고 and 승인 were before it', () => {
    const desk = availableActions(defaultPermissions(), 'editor', 'approved');
    expect(desk.filter(isForwardStep)).toEqual(['publish']);
    expect(availableActions(defaultPermissions(), 'reporter', 'draft').filter(isForwardStep)).toEqual(['send']);
    expect(availableActions(defaultPermissions(), 'editor', 'review').filter(isForwardStep)).toEqual(['approve']);
  });

  it('is at most one step in any state, and never a step back or aside', () => {
    for (const status of ArticleStatusSchema.options) expect(availableActions(defaultPermissions(), 'admin', status).filter(isForwardStep).length).toBeLessThanOrEqual(1);
    for (const back of ['return', 'recall', 'reopen', 'spike', 'restore', 'correct'] as const) expect(isForwardStep(back)).toBe(false);
    expect(WORKFLOW_ACTIONS.filter(isForwardStep)).toHaveLength(4);
  });
});
