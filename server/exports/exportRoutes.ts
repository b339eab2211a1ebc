// POST /api/exports: a connected app asks the server before it writes export files on its own
// machine. Body: the desktop's exportArticles input without `jobId` — { ids, formats, override?,
// note?, actor? } (actor, if given, must be the signed-in person). Answer: { results }, one
// ExportDecision per id in the order asked (decideExports.ts). The access gate's rule for
// exportArticles applies first, as on the desktop. A story being edited live is copied from its
// stored document into the article first (`catchUp`): the row otherwise lags the words typed in
// the last seconds (the store debounce), and an export must carry what the person saw stored.
import { ApiError } from '../../shared/contract/errors';
import type { Database } from '../db/Database';
import type { Route } from '../http/Route';
import { actingAs } from '../contract/contractRoutes';
import { checkAccess } from '../contract/serverAccess';
import { readSettings } from '../settings/settingsTable';
import { decideExports } from './decideExports';
import { ExportRequestSchema, type ExportDecision } from '../../shared/contract/newsroomExports';

export function exportRoutes(db: Database, now: () => Date, catchUp: (id: string) => Promise<unknown> = async () => undefined): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/exports',
      handle: async (ctx): Promise<{ results: ExportDecision[] }> => {
        const { person, body } = await actingAs(ctx);
        const parsed = ExportRequestSchema.safeParse(body);
        if (!parsed.success) throw new ApiError('invalidInput', `exports: ${parsed.error.message}`, { method: 'exports' });
        await checkAccess(db, 'exportArticles', parsed.data, person, await readSettings(db));
        for (const id of new Set(parsed.data.ids)) await catchUp(id);
        return { results: await decideExports(db, person, parsed.data, now()) };
      },
    },
  ];
}
