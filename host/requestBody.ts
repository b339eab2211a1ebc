// Reading and decoding a contract call's body in the browser host, in bounded memory: a body is
// refused the moment it is known to pass its limit (declared or counted), never buffered past
// it, and photo or file bytes travel raw after the JSON instead of as base64 inside it, so an
// accepted upload costs about its own size once, not five times over.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../shared/contract/errors';

/**
 * A call that carries bytes: one line of JSON, a newline, then the raw bytes; in the JSON each
 * Uint8Array is {"$bytes": [offset, length]} into them. JSON.stringify never writes a raw newline,
 * so the first one ends the JSON.
 */
export const FRAMED_TYPE = 'application/x-copydesk-call';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: boolean };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (declared !== null && declared > limit) return Promise.resolve({ ok: false, tooLarge: true });
  return new Promise((resolve) => {
    // A declared length is filled into one buffer of that size: no second copy to join chunks.
    const whole = declared !== null ? Buffer.allocUnsafeSlow(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > (whole ? whole.length : limit)) return finish({ ok: false, tooLarge: true });
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    const onEnd = () => finish(whole ? { ok: true, body: whole.subarray(0, size) } : { ok: true, body: Buffer.concat(chunks, size) });
    const onClose = () => finish({ ok: false, tooLarge: false });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}

function isFramed(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === FRAMED_TYPE;
}

/** The call's input, with byte references turned into Uint8Arrays that view the body (no copy). */
export function decodeCall(body: Buffer, contentType: string | undefined): unknown {
  if (!isFramed(contentType)) return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  const end = body.indexOf(0x0a);
  if (end < 0) throw new SyntaxError('a framed call without its line of JSON');
  const data = body.subarray(end + 1);
  return JSON.parse(body.toString('utf8', 0, end), (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const ref = (value as { $bytes?: unknown }).$bytes;
    if (Object.keys(value).length !== 1 || !Array.isArray(ref)) return value;
    const [offset, length] = ref as unknown[];
    const fits = ref.length === 2 && Number.isSafeInteger(offset) && Number.isSafeInteger(length) && (offset as number) >= 0 && (length as number) >= 0 && (offset as number) + (length as number) <= data.length;
    if (!fits) throw new ApiError('invalidInput', 'a byte reference outside the body');
    return new Uint8Array(data.buffer, data.byteOffset + (offset as number), length as number);
  });
}
