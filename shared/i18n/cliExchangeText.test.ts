import { describe, expect, it } from 'vitest';
import { IMPORT_REASONS } from '../contract/errors';
import { cliExchangeText } from './cliExchangeText';

describe('the command line says why an import was refused', () => {
  it('has its own sentence for every import reason, in Korean and English', () => {
    for (const language of ['ko', 'en'] as const) {
      const reasons = cliExchangeText(language).reasons as Record<string, unknown>;
      const sentences = IMPORT_REASONS.map((reason) => reasons[reason]);
      for (const [i, sentence] of sentences.entries()) expect(typeof sentence, `${language}: ${IMPORT_REASONS[i]}`).toBe('string');
      expect(new Set(sentences).size).toBe(IMPORT_REASONS.length);
    }
  });
});
