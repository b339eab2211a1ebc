// Failures that are not ApiErrors become codes the UI has a sentence for, not a bare "internal".
import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './errors';

const errno = (code: string, message = `${code}: something`) => Object.assign(new Error(message), { code });

describe('toApiError', () => {
  it('keeps an ApiError as it is', () => {
    const err = new ApiError('conflict', 'x', { revision: 3 });
    expect(toApiError(err)).toBe(err);
  });

  it('gives each Node errno its own code', () => {
    const cases: [string, string][] = [
      ['ENOSPC', 'diskFull'],
      ['EDQUOT', 'diskFull'],
      // PostgreSQL's SQLSTATE disk_full, as node-postgres puts it in `code`.
      ['53100', 'diskFull'],
      ['EROFS', 'readOnly'],
      ['EACCES', 'readOnly'],
      ['EPERM', 'readOnly'],
      ['ENOENT', 'fileMissing'],
      ['ENOTDIR', 'fileMissing'],
      ['EMFILE', 'tooManyOpenFiles'],
      ['ENFILE', 'tooManyOpenFiles'],
      ['ETIMEDOUT', 'timedOut'],
      ['EBUSY', 'fileBusy'],
      ['ERR_STRING_TOO_LONG', 'tooLarge'],
      ['ERR_FS_FILE_TOO_LARGE', 'tooLarge'],
    ];
    for (const [code, expected] of cases) {
      const mapped = toApiError(errno(code));
      expect(mapped.code, code).toBe(expected);
      expect(mapped.message).toBe(`${code}: something`); // the log keeps the original message
    }
  });

  it('reads the errno structurally, so a plain object from another realm maps too', () => {
    expect(toApiError({ code: 'ENOENT', message: 'gone' }).code).toBe('fileMissing');
  });

  it('turns a real stack overflow into tooDeep', () => {
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
    let caught: unknown;
    try {
      deep(1e7);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect(toApiError(caught).code).toBe('tooDeep');
  });

  it('turns strings and arrays too long for the engine into tooLarge', () => {
    expect(toApiError(new RangeError('Invalid string length')).code).toBe('tooLarge');
    expect(toApiError(new RangeError('Invalid array length')).code).toBe('tooLarge');
    expect(toApiError(new RangeError('Array buffer allocation failed')).code).toBe('tooLarge');
  });

  it('turns broken JSON into malformedData, other syntax errors stay internal', () => {
    let caught: unknown;
    try {
      JSON.parse('{"a":');
    } catch (err) {
      caught = err;
    }
    expect(toApiError(caught).code).toBe('malformedData');
    expect(toApiError(new SyntaxError('Invalid regular expression: /(/: Unterminated group')).code).toBe('internal');
  });

  it('turns an aborted task into cancelled', () => {
    const controller = new AbortController();
    controller.abort();
    let caught: unknown;
    try {
      controller.signal.throwIfAborted();
    } catch (err) {
      caught = err;
    }
    expect(toApiError(caught).code).toBe('cancelled');
  });

  it('leaves what it cannot name as internal', () => {
    expect(toApiError(new Error('boom')).code).toBe('internal');
    expect(toApiError(errno('EWHATEVER')).code).toBe('internal');
    expect(toApiError(new RangeError('toFixed() digits argument must be between 0 and 100')).code).toBe('internal');
    expect(toApiError('a string').message).toBe('a string');
    expect(toApiError({ code: 'toString' }).code).toBe('internal'); // no prototype keys as codes
  });
});
