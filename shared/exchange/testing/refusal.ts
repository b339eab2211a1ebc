// Tests of readers: the reason an import was refused with, failing the test if it was not refused
// or was refused with anything but `importFailed`.
import { expect } from 'vitest';
import { ApiError } from '../../contract/errors';

export async function refusalReason(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('importFailed');
    return String((err as ApiError).params.reason);
  }
  throw new Error('expected the import to be refused');
}

/** The ApiError a synchronous reader threw (any code), failing the test if it did not throw one. */
export function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}
