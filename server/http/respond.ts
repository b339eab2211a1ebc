// Every answer the server gives is JSON; a refusal carries the contract's error shape (a code the
// app translates, with parameters), and its HTTP status follows from the code.
import type { ServerResponse } from 'node:http';
import { ApiError, type ErrorCode } from '../../shared/contract/errors';

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalidInput: 400,
  malformedData: 400,
  tooDeep: 400,
  notSignedIn: 401,
  signInFailed: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  tooManyAttempts: 429,
  // The request was understood, and the desk's rules refuse it as it stands.
  noteRequired: 422,
  checklistFailed: 422,
  embargoed: 422,
  hashMismatch: 422,
  photoRejected: 422,
};

export function statusOf(error: ApiError): number {
  return STATUS[error.code] ?? 500;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** `{ ok: false, error }` with the status its code calls for (429 says when to come back). */
export function sendError(res: ServerResponse, error: ApiError): void {
  const retry = error.params.retryAfterSeconds;
  sendJson(res, statusOf(error), { ok: false, error: error.toJSON() }, retry === undefined ? {} : { 'retry-after': String(retry) });
}

/** An answer that is not JSON (a photo's bytes): sent with its type, never cached by shared caches. */
export class RawAnswer {
  constructor(
    readonly bytes: Uint8Array,
    readonly type: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function sendRaw(res: ServerResponse, answer: RawAnswer): void {
  res.writeHead(200, {
    'content-type': answer.type,
    'content-length': String(answer.bytes.byteLength),
    'cache-control': 'private, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    ...answer.headers,
  });
  res.end(answer.bytes);
}
