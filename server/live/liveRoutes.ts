// GET /api/events: the signed-in client's live stream (server-sent events).
import { callerOf, RESPONDED, type Route } from '../http/Route';
import type { LiveHub } from './LiveHub';

export function liveRoutes(hub: LiveHub): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/events',
      handle: async (ctx) => {
        const { sessionId, person } = callerOf(ctx);
        const { login: _login, ...rest } = person;
        hub.open(ctx.res, sessionId, rest);
        return RESPONDED;
      },
    },
  ];
}
