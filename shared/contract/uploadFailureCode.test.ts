// Which sentence a person reads for a story or photo the server refused during an upload.
import { describe, expect, it } from 'vitest';
import { sendFailureCode } from './libraryUpload';

describe('an upload failure’s code', () => {
  it('blames the data for what the server could not read, the server for the rest', () => {
    for (const code of ['invalidInput', 'malformedData', 'tooDeep'] as const) {
      expect(sendFailureCode(code, 'story')).toBe('invalid');
      expect(sendFailureCode(code, 'photo')).toBe('photoRefused');
    }
    expect(sendFailureCode('hashMismatch', 'photo')).toBe('photoRefused');
    expect(sendFailureCode('photoRejected', 'photo')).toBe('photoRefused');
    expect(sendFailureCode('tooLarge', 'story')).toBe('tooLarge');
    expect(sendFailureCode('diskFull', 'photo')).toBe('serverFull');
    expect(sendFailureCode('internal', 'story')).toBe('serverError');
  });
});
