// An admin's upload of a local library from the app (issue 17), over HTTP, one request at a time:
//   POST /api/import/people { people }          the library's people matched to accounts or made
//                                               ones (no password): { ids, matched, created }
//   POST /api/import/story  { story, people }   one story bundle with the people it names:
//                                               { outcome: imported | skipped | failed, reason }
//                                               (a failed one with its code, for the app to translate)
// Photos go up beforehand through PUT /api/photos/<sha256> like any other. Admins only, decided on
// the session's person. Each story is written in one transaction with an `uploadStory` audit entry
// naming the admin, so a stopped upload leaves whole stories, and a second one skips them.
import { toApiError } from '../../shared/contract/errors';
import { sendFailureCode, UploadPeopleBodySchema, UploadStoryBodySchema, type UploadPeopleAnswer, type UploadStoryAnswer } from '../../shared/contract/libraryUpload';
import type { LiveEvent } from '../../shared/contract/live';
import { summarise } from '../../core/articleSummary';
import type { Database } from '../db/Database';
import { callerOf, type Route } from '../http/Route';
import { requireAdmin } from '../accounts/AccountService';
import { auditAccount } from '../accounts/accountAudit';
import { importPeople, matchPeople, PersonIds } from './importPeople';
import { writeStoryBundle } from './writeStoryBundle';

/** A story with every version's copy can be large; bounded so one request cannot take the server's memory. */
export const STORY_BODY_LIMIT = 64 * 1024 * 1024;
/** Thousands of people with their details stay far under this. */
const PEOPLE_BODY_LIMIT = 8 * 1024 * 1024;

/** `committed`: the live channel, told of each story once it is stored (the apps' lists show it). */
export function importRoutes(db: Database, now: () => Date, committed: (event: LiveEvent) => void = () => undefined): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/import/people',
      handle: async (ctx): Promise<UploadPeopleAnswer> => {
        const admin = callerOf(ctx);
        requireAdmin(admin);
        const { people } = await ctx.body(UploadPeopleBodySchema, PEOPLE_BODY_LIMIT);
        const outcome = await importPeople(db, people, now(), admin.person.id);
        return { ids: Object.fromEntries(outcome.ids), matched: outcome.matched.length, created: outcome.created.length };
      },
    },
    {
      method: 'POST',
      path: '/api/import/story',
      handle: async (ctx): Promise<UploadStoryAnswer> => {
        const admin = callerOf(ctx);
        requireAdmin(admin);
        const { story, people } = await ctx.body(UploadStoryBodySchema, STORY_BODY_LIMIT);
        // Only the people matched here become the story's accounts; any other id stays text in its JSON.
        const ids = await matchPeople(db, people);
        try {
          const written = await writeStoryBundle(db, story, new PersonIds(ids, new Set(ids.values())), (tx, article) =>
            auditAccount(tx, now(), admin.person.id, 'uploadStory', { id: article.id, name: article.headline }),
          );
          if (written === 'exists') return { outcome: 'skipped', reason: 'already on the server' };
          committed({ type: 'article', summary: summarise(written.article) });
          return { outcome: 'imported', reason: '' };
        } catch (err) {
          // The same story sent twice at once: the other request wrote it (a unique key), so it is there.
          if ((err as { code?: unknown }).code === '23505') return { outcome: 'skipped', reason: 'already on the server' };
          // A story the database refuses (another constraint) is this story's failure; the upload goes on with the next.
          const error = toApiError(err);
          if (error.code === 'internal') throw err;
          return { outcome: 'failed', code: sendFailureCode(error.code, 'story'), reason: error.message };
        }
      },
    },
  ];
}
