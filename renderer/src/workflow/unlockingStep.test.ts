import { describe, expect, it } from 'vitest';
import { defaultPermissions } from '../../../shared/workflow/transitions';
import { unlockingStep } from './unlockingStep';

const table = defaultPermissions();

describe('the step named on the read-only banner', () => {
  it('points the desk at 데스킹 시작 on sent copy, and the reporter at recall (never the other way round)', () => {
    expect(unlockingStep(table, 'editor', 'sent', false)).toBe('review');
    expect(unlockingStep(table, 'admin', 'sent', false)).toBe('review');
    expect(unlockingStep(table, 'reporter', 'sent', false)).toBe('recall');
  });

  it('names nothing the person cannot do: a reporter waits while the desk reviews', () => {
    expect(unlockingStep(table, 'reporter', 'review', false)).toBeNull();
    expect(unlockingStep(table, 'reporter', 'approved', false)).toBeNull();
    expect(unlockingStep(table, 'reporter', 'published', false)).toBeNull();
  });

  it('names reopen on approved copy, correct on published, restore on spiked, for the desk', () => {
    expect(unlockingStep(table, 'editor', 'approved', false)).toBe('reopen');
    expect(unlockingStep(table, 'editor', 'published', false)).toBe('correct');
    expect(unlockingStep(table, 'editor', 'spiked', false)).toBe('restore');
  });

  it('follows the permission table: without review rights the desk is pointed at return', () => {
    expect(unlockingStep({ ...table, review: ['admin'], recall: ['reporter'] }, 'editor', 'sent', false)).toBe('return');
  });

  it('names no step for copy in the trash', () => {
    expect(unlockingStep(table, 'editor', 'sent', true)).toBeNull();
  });
});
