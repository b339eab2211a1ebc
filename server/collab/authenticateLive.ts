// Hocuspocus's onAuthenticate for a story's document: the schema version the client was built
// with, its session token (the same as the HTTP API's), the story's visibility for that person,
// and — when the client names one — the epoch of its replica. Each refusal carries a reason from
// COLLAB_REFUSALS (the provider's onAuthenticationFailed). Typing is allowed or not by the shared
// edit rule (connectionConfig.readOnly).
import { COLLAB_EPOCH_PARAM, COLLAB_REFUSALS, COLLAB_SCHEMA_PARAM } from '../../shared/contract/liveProtocol';
import { LIVE_SCHEMA_VERSION } from '../../shared/live/bodyFragment';
import { ApiError } from '../../shared/contract/apiError';
import type { Person } from '../../shared/model/person';
import type { AccountService } from '../accounts/AccountService';
import type { Queryable } from '../db/Database';
import { liveAccess } from './collabAccess';
import { joiningEpoch, latestEpoch } from './epochRows';
import { CollabRefused } from './refusal';

/** What a connection's context holds once authenticated. */
export interface LiveCaller {
  person: Person;
  sessionId: string;
}

export async function authenticateLive(db: Queryable, accounts: AccountService, token: string, articleId: string, params: URLSearchParams, config: { readOnly: boolean }): Promise<LiveCaller> {
  const schema = params.get(COLLAB_SCHEMA_PARAM);
  if (schema !== String(LIVE_SCHEMA_VERSION)) throw new CollabRefused(COLLAB_REFUSALS.schema, `schema ${schema ?? 'missing'}; the server reads ${LIVE_SCHEMA_VERSION}`);
  // Only an unknown or ended session is a refusal: a database that is away throws on (the caller
  // has the client try again), or a restart of PostgreSQL would sign everyone out.
  const caller = await accounts.authenticate(token || null).catch((err: unknown) => {
    if (err instanceof ApiError && err.code === 'notSignedIn') return null;
    throw err;
  });
  if (!caller) throw new CollabRefused(COLLAB_REFUSALS.unauthenticated, 'session unknown, expired or revoked');
  const access = await liveAccess(db, caller.person, articleId);
  if (!access.visible || access.trashed) throw new CollabRefused(COLLAB_REFUSALS.notFound, `no story ${articleId} for this person`);
  const epoch = params.get(COLLAB_EPOCH_PARAM);
  if (epoch !== null && Number(epoch) !== joiningEpoch(await latestEpoch(db, articleId))) throw new CollabRefused(COLLAB_REFUSALS.epoch, `epoch ${epoch} has ended`);
  config.readOnly = access.readOnly;
  return { person: caller.person, sessionId: caller.sessionId };
}
