// The account endpoints under /api. Sign-in answers with a bearer token for the
// `Authorization: Bearer …` header of every later request.
import type { Route } from '../http/Route';
import { callerOf } from '../http/Route';
import type { AccountService } from './AccountService';
import { AddPersonBody, LoginBody, PasswordChangeBody, ResetPasswordBody, RevokeBody, SetupBody, UpdatePersonBody } from './accountSchemas';

export function accountRoutes(accounts: AccountService): Route[] {
  return [
    { method: 'POST', path: '/api/setup', open: true, handle: async (ctx) => accounts.setup(await ctx.body(SetupBody), ctx.address, ctx.userAgent) },
    {
      method: 'POST',
      path: '/api/login',
      open: true,
      handle: async (ctx) => {
        const { login, password } = await ctx.body(LoginBody);
        return accounts.login(login, password, ctx.address, ctx.userAgent);
      },
    },
    { method: 'GET', path: '/api/me', handle: async (ctx) => callerOf(ctx).person },
    { method: 'POST', path: '/api/logout', handle: async (ctx) => accounts.logout(callerOf(ctx)).then(() => null) },
    { method: 'GET', path: '/api/sessions', handle: (ctx) => accounts.sessions(callerOf(ctx)) },
    { method: 'POST', path: '/api/sessions/revoke', handle: async (ctx) => accounts.revoke(callerOf(ctx), (await ctx.body(RevokeBody)).id).then(() => null) },
    {
      method: 'POST',
      path: '/api/password',
      handle: async (ctx) => {
        const { current, next } = await ctx.body(PasswordChangeBody);
        return accounts.changePassword(callerOf(ctx), current, next, ctx.address).then(() => null);
      },
    },
    { method: 'GET', path: '/api/people', handle: () => accounts.listPeople() },
    { method: 'POST', path: '/api/people/add', handle: async (ctx) => accounts.addPerson(callerOf(ctx), await ctx.body(AddPersonBody)) },
    {
      method: 'POST',
      path: '/api/people/password',
      handle: async (ctx) => {
        const { id, password } = await ctx.body(ResetPasswordBody);
        return accounts.resetPassword(callerOf(ctx), id, password).then(() => null);
      },
    },
    { method: 'POST', path: '/api/people/update', handle: async (ctx) => accounts.updatePerson(callerOf(ctx), (await ctx.body(UpdatePersonBody)).person) },
  ];
}
