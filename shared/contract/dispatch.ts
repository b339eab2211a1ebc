// The validating wrapper both transports share: parse the input, run the handler, parse the
// output, and turn any failure into an error envelope. Electron's ipcMain and the browser host's
// HTTP routes differ only in how the bytes arrive.
import type { z } from 'zod';
import { ApiError, type Envelope, toApiError } from './errors';
import { contract, type Method, type Output } from './api';

/** Input after zod parsing (defaults applied), which is what the core receives. */
export type ParsedInput<M extends Method> = z.output<(typeof contract)[M]['input']>;
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch<M extends Method>(handlers: Handlers, method: M, raw: unknown): Promise<Envelope<Output<M>>> {
  try {
    const parsed = contract[method].input.safeParse(raw ?? {});
    if (!parsed.success) {
      throw new ApiError('invalidInput', `${method}: ${parsed.error.message}`, { method });
    }
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const value = contract[method].output.parse(await handler(parsed.data)) as Output<M>;
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err).toJSON() };
  }
}
