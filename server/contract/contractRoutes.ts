// The contract over HTTP: POST /api/call/<method> with the method's input as JSON. The acting
// person is the session's: a body may leave `actor` out, and one naming anyone else is refused
// (never used). Then the same steps as the desktop core: the input through the contract's zod
// schema, the shared access gate, the handler, the output through its schema.
import { contract, MAX_RULE_SET_BODY_BYTES, type Method } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { Person } from '../../shared/model/person';
import { z } from 'zod';
import type { Database } from '../db/Database';
import { callerOf, type RequestContext, type Route } from '../http/Route';
import type { ArticleService } from '../articles/ArticleService';
import { checkAccess } from './serverAccess';
import { SERVED_METHODS, type ServedMethod, type ServerHandlers } from './serverHandlers';

const AnyObject = z.record(z.string(), z.unknown());
/** Calls bigger than the default 1 MiB body: a rule set file's text. */
const BODY_LIMITS: Partial<Record<Method, number>> = { importHouseStyle: MAX_RULE_SET_BODY_BYTES };

export function contractRoutes(db: Database, articles: ArticleService, handlers: ServerHandlers): Route[] {
  return SERVED_METHODS.map((method) => ({
    method: 'POST' as const,
    path: `/api/call/${method}`,
    handle: async (ctx) => {
      const { person, body } = await actingAs(ctx, BODY_LIMITS[method]);
      return call(db, articles, handlers, method, body, person);
    },
  }));
}

/**
 * The session's person and the request's JSON object with `actor` set to them; a body naming
 * anyone else as the actor is refused (`notYou`), never used.
 */
export async function actingAs(ctx: RequestContext, limit?: number): Promise<{ person: Person; body: Record<string, unknown> }> {
  const { login: _login, ...person } = callerOf(ctx).person;
  const body = await ctx.body(AnyObject, limit);
  if (body.actor !== undefined && body.actor !== null && body.actor !== person.id) {
    throw new ApiError('forbidden', 'a request may only act as the signed-in person', { reason: 'notYou' });
  }
  return { person, body: { ...body, actor: person.id } };
}

async function call(db: Database, articles: ArticleService, handlers: ServerHandlers, method: ServedMethod, raw: Record<string, unknown>, person: Person): Promise<unknown> {
  const parsed = contract[method].input.safeParse(raw);
  if (!parsed.success) throw new ApiError('invalidInput', `${method}: ${parsed.error.message}`, { method });
  const input = parsed.data as Record<string, unknown>;
  await checkAccess(db, method, input, person, await articles.settings());
  const handler = handlers[method] as (input: unknown, person: Person) => Promise<unknown>;
  return contract[method].output.parse(await handler(input, person));
}
