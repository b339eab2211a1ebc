// The PDF proof is printed by the core, which keeps its own words (it cannot load the app's i18n);
// its state names must still be the ones the app shows, or a proof would say 승인 where the screen says something else.
import { describe, expect, it } from 'vitest';
import { PROOF_LABELS } from '../../../core/exchange/export/proofBand';
import { ko } from './ko';
import { en } from './en';

describe('the PDF proof band', () => {
  it('names every state as the app does, in both languages', () => {
    expect(PROOF_LABELS.ko.status).toEqual(ko.status);
    expect(PROOF_LABELS.en.status).toEqual(en.status);
  });
});
