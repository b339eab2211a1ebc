// A local library going up to a newsroom server (issue 17): what travels, and what comes back.
// `copydesk server import-library` reads the same story bundle from a folder and writes it
// straight into the database; the app sends it over HTTP to the server's import routes
// (server/importLibrary/importRoutes.ts), one story a request, as a signed-in admin.
import { z } from 'zod';
import { ArticleIdSchema, ArticleSchema, type Article } from '../model/article';
import { AuditEntrySchema, VersionMetaSchema, type AuditEntry, type VersionMeta } from '../model/history';
import { PersonIdSchema, PersonSchema } from '../model/person';
import { PhotoIdSchema } from '../model/photo';
import { ApiErrorSchema, type ErrorCode } from './errors';

/** One story as the library keeps it: the article, each version with its copy, the audit log (ids as the library has them). */
export interface StoryBundle {
  article: Article;
  versions: { meta: VersionMeta; article: Article }[];
  audit: AuditEntry[];
}

/** Library person id → the server account it became (matched or made). */
export const PersonIdMapSchema = z.record(PersonIdSchema, PersonIdSchema).refine((m) => Object.keys(m).length <= 5000, 'too many people');

export const StoryBundleSchema = z
  .object({
    article: ArticleSchema,
    versions: z.array(z.object({ meta: VersionMetaSchema, article: ArticleSchema }).strict()).max(10_000),
    audit: z.array(AuditEntrySchema).max(10_000),
  })
  .strict()
  // Every copy is of the story it travels with: a bundle cannot write another story's versions.
  .refine((b) => b.versions.every((v) => v.article.id === b.article.id), 'a version of another story');

/** POST /api/import/people: the library's people, matched to accounts or made ones. */
export const UploadPeopleBodySchema = z.object({ people: z.array(PersonSchema).max(5000) }).strict();
export const UploadPeopleAnswerSchema = z.object({ ids: PersonIdMapSchema, matched: z.number().int().nonnegative(), created: z.number().int().nonnegative() });
export type UploadPeopleAnswer = z.infer<typeof UploadPeopleAnswerSchema>;

/**
 * POST /api/import/story: one story with the library's people it names (owner, versions, audit).
 * The server matches them to accounts itself, by the people route's rule: an id map from the
 * request could attribute the story's history to anyone.
 */
export const UploadStoryBodySchema = z.object({ story: StoryBundleSchema, people: z.array(PersonSchema).max(5000) }).strict();

/**
 * Why a story or a photo did not get there, for the person (the app has a sentence for each that
 * says what to do); the failure's English `reason` stays beside it as the detail for logs.
 * storyUnreadable / photoUnreadable: the library could not read it, so it was never sent.
 * invalid: the server refused the story's data. photoRefused: the server refused the photo (not an
 * image it reads, bytes that do not match their name). tooLarge: over a size limit (the server's,
 * a proxy's, or too large to send at all). serverFull: the server's disk is full. serverError:
 * anything else the server could not do.
 */
export const UPLOAD_FAILURE_CODES = ['storyUnreadable', 'photoUnreadable', 'invalid', 'photoRefused', 'tooLarge', 'serverFull', 'serverError'] as const;
export const UploadFailureCodeSchema = z.enum(UPLOAD_FAILURE_CODES);
export type UploadFailureCode = z.infer<typeof UploadFailureCodeSchema>;

/** A story or photo the server (or the request to it) refused: the failure code its error stands for. */
export function sendFailureCode(code: ErrorCode, what: 'story' | 'photo'): UploadFailureCode {
  if (code === 'tooLarge') return 'tooLarge';
  if (code === 'diskFull') return 'serverFull';
  // The server could not read what was sent (malformed, nested too deep): the data, not the server.
  if (code === 'invalidInput' || code === 'malformedData' || code === 'tooDeep') return what === 'story' ? 'invalid' : 'photoRefused';
  if (what === 'photo' && (code === 'photoRejected' || code === 'hashMismatch')) return 'photoRefused';
  return 'serverError';
}

/** A failed story says why as a code (for the person) and in English (for logs). */
export const UploadStoryAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.enum(['imported', 'skipped']), reason: z.string() }),
  z.object({ outcome: z.literal('failed'), code: UploadFailureCodeSchema, reason: z.string() }),
]);
export type UploadStoryAnswer = z.infer<typeof UploadStoryAnswerSchema>;

/** `label`: what the person knows it by (the story's headline, the photo's file name), when the library could read it. */
const Failure = z.object({ id: z.string(), label: z.string().max(2000).optional(), code: UploadFailureCodeSchema, reason: z.string() });

/** What `uploadLibraryToNewsroom` answers. */
export const UploadSummarySchema = z.object({
  /** Stories written on the server now. */
  imported: z.number().int().nonnegative(),
  /** Already on the server (an earlier upload): left as they are there. */
  skipped: z.number().int().nonnegative(),
  failed: z.array(Failure.extend({ id: ArticleIdSchema })),
  photos: z.object({ uploaded: z.number().int().nonnegative(), existed: z.number().int().nonnegative(), failed: z.array(Failure.extend({ id: PhotoIdSchema })) }),
  people: z.object({ matched: z.number().int().nonnegative(), created: z.number().int().nonnegative() }),
  /** Stopped between two stories: what is counted above is on the server, whole; a second upload carries on. */
  cancelled: z.boolean(),
  /** Stopped part-way by the server (gone, the session ended, refused): why. What is counted above got there. */
  stoppedBy: ApiErrorSchema.optional(),
});
export type UploadSummary = z.infer<typeof UploadSummarySchema>;
