// One endpoint of the server: its method and path, whether it is open without a session (only
// sign-in and the first admin's setup are), and its handler, which reads its body through its
// zod schema and gets the caller the session names.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Caller } from '../accounts/AccountService';

/** What a handler returns when it answered on `res` itself (a stream), so nothing more is sent. */
export const RESPONDED = Symbol('responded');

export interface RequestContext {
  req: IncomingMessage;
  /** For the few routes that answer as a stream (the live channel); the rest return a value. */
  res: ServerResponse;
  /** The signed-in person and their session; null only on open routes. */
  caller: Caller | null;
  /** The client's address (for sign-in throttling). */
  address: string;
  userAgent: string;
  /** On a `prefix` route, the path after `path/` (e.g. a photo's SHA-256); '' otherwise. */
  rest: string;
  /** The JSON body, checked against `schema` (invalidInput, malformedData or tooLarge otherwise); `limit` in bytes, 1 MiB unless said. */
  body<S extends z.ZodType>(schema: S, limit?: number): Promise<z.infer<S>>;
}

export interface Route {
  /** A GET route also answers HEAD (Node sends the headers without the body). */
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Answers every path under `path/` as well, the rest in `ctx.rest`. */
  prefix?: boolean;
  open?: boolean;
  /** JSON-able value (sent as `{ ok: true, value }`), or a RawAnswer sent as it is. */
  handle(ctx: RequestContext): Promise<unknown>;
}

/** The caller of a route that needs a session (the server never runs one without it). */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw new Error('a session route ran without a session');
  return ctx.caller;
}
