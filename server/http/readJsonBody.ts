// A request's JSON body, read in bounded memory (refused the moment it is known to pass the limit,
// declared or counted) and checked with its zod schema before any handler sees it.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ApiError } from '../../shared/contract/errors';

const MiB = 1024 * 1024;

/** Every body the server takes today is small: logins, people, session ids. */
export const DEFAULT_BODY_LIMIT = MiB;

export function tooLarge(limit: number): ApiError {
  return new ApiError('tooLarge', `request body over ${limit} bytes`, { limitMB: Math.max(1, Math.floor(limit / MiB)) });
}

/** The whole body, refused past `limit`; `onChunk` sees each piece as it arrives (to hash it on the way). */
export function readRaw(req: IncomingMessage, limit: number, onChunk?: (chunk: Buffer) => void): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  // Listeners, not `for await`: leaving an async iterator destroys the request, and the refusal
  // could then never be answered (startHttp drains the rest and answers once it ends).
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        onChunk?.(chunk);
        return void chunks.push(chunk);
      }
      stop();
      reject(tooLarge(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

export async function readJsonBody<S extends z.ZodType>(req: IncomingMessage, schema: S, limit = DEFAULT_BODY_LIMIT): Promise<z.infer<S>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError('invalidInput', 'the body must be application/json');
  const raw = await readRaw(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new ApiError('malformedData', (err as Error).message);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('invalidInput', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
