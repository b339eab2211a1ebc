// "Upload this library to the newsroom": a local library's people, photos and stories (each with
// its versions and audit log) go to a newsroom server as a signed-in admin of it, through the
// server's import routes (server/importLibrary/importRoutes.ts) and its photo upload. People go
// first (the server refuses anyone but an admin there, before anything is sent), then the photos
// the server lacks, then one story a request, oldest first. A cancel stops between two photos or
// two stories; a story the server has already is skipped, so uploading again carries on.
import { readFile } from 'node:fs/promises';
import { sendFailureCode, type StoryBundle, type UploadPeopleAnswer, type UploadStoryAnswer, type UploadSummary } from '../../../shared/contract/libraryUpload';
import type { Person } from '../../../shared/model/person';
import type { PhotoInfo } from '../../../shared/model/photo';
import { ApiError, toApiError } from '../../../shared/contract/errors';
import type { Job } from '../../exchange/JobRegistry';
import type { Library } from '../../Library';
import { readStoryBundle, storiesOldestFirst } from './readStoryBundle';

/** The server side of an upload (NewsroomClient, signed in as an admin). */
export interface UploadTarget {
  missingPhotos(ids: string[]): Promise<string[]>;
  uploadPhoto(name: string, bytes: Uint8Array): Promise<{ photo: PhotoInfo; existed: boolean }>;
  uploadPeople(people: Person[]): Promise<UploadPeopleAnswer>;
  uploadStory(story: StoryBundle, people: Person[]): Promise<UploadStoryAnswer>;
}

/** What an upload will send, counted before it starts (the job's total: one step per photo and per story). */
export interface UploadPlan {
  photoIds: string[];
  stories: { id: string; headline: string }[];
  /** Stories the library could not read on open (quarantined): named as failed, never sent. */
  unreadable: { id: string; code: 'storyUnreadable'; reason: string }[];
  total: number;
}

export async function planUpload(library: Library): Promise<UploadPlan> {
  // Every file checked first: a damaged one is quarantined by the core and named in its notices.
  await library.whenIndexed();
  const photoIds = await library.photos.ids();
  const stories = storiesOldestFirst(library).map(({ id, headline }) => ({ id, headline }));
  const unreadable = library.notices.filter((n) => n.code === 'articleQuarantined').map((n) => ({ id: String(n.params.id), code: 'storyUnreadable' as const, reason: `damaged file, moved to ${String(n.params.file)}` }));
  return { photoIds, stories, unreadable, total: photoIds.length + stories.length };
}

/** The server is gone or the session refused: nothing more would get through, so the upload stops and says why. */
const stopsTheUpload = (err: ApiError) => err.code === 'offline' || err.code === 'notSignedIn' || err.code === 'forbidden';

/** Part-way, the summary says what got there and why the rest did not (the person is told both). */
const stopped = (summary: UploadSummary, error: ApiError): UploadSummary => ({ ...summary, cancelled: true, stoppedBy: error.toJSON() });

/** At most this many ids a question (the server's bound on `POST /api/photos/missing`). */
const MISSING_BATCH = 10_000;

/** The library's people a story names: its owner, its last step's, each version's and audit entry's actor. */
function peopleNamed(bundle: StoryBundle, everyone: readonly Person[]): Person[] {
  const ids = new Set<string>([...bundle.versions.map((v) => v.meta.actorId), ...bundle.audit.map((e) => e.actorId)]);
  if (bundle.article.ownerId) ids.add(bundle.article.ownerId);
  if (bundle.article.lastTransition) ids.add(bundle.article.lastTransition.actorId);
  for (const v of bundle.versions) if (v.article.ownerId) ids.add(v.article.ownerId);
  return everyone.filter((p) => ids.has(p.id));
}

export async function uploadLibrary(library: Library, plan: UploadPlan, target: UploadTarget, job: Job): Promise<UploadSummary> {
  const summary: UploadSummary = { imported: 0, skipped: 0, failed: [...plan.unreadable], photos: { uploaded: 0, existed: 0, failed: [] }, people: { matched: 0, created: 0 }, cancelled: false };
  const everyone = library.listPeople();
  // Cancelled while signing in: nothing is made on the server.
  if (job.signal.aborted) return { ...summary, cancelled: true };
  const people = await target.uploadPeople(everyone);
  summary.people = { matched: people.matched, created: people.created };
  let done = 0;

  const missing = new Set<string>();
  for (let i = 0; i < plan.photoIds.length; i += MISSING_BATCH) for (const id of await target.missingPhotos(plan.photoIds.slice(i, i + MISSING_BATCH))) missing.add(id);
  for (const id of plan.photoIds) {
    if (job.signal.aborted) return { ...summary, cancelled: true };
    let name = id;
    if (!missing.has(id)) summary.photos.existed++;
    else {
      // Until the bytes are read, a failure is the library's (the photo never left); after, the server's answer.
      let read = false;
      try {
        const info = await library.photos.info(id);
        if (info?.originalName) name = info.originalName;
        const file = await library.photos.file(id, 'original');
        if (!info || !file) throw new Error('its files are incomplete');
        const bytes = await readFile(file.path);
        read = true;
        const answer = await target.uploadPhoto(name, bytes);
        if (answer.existed) summary.photos.existed++;
        else summary.photos.uploaded++;
      } catch (err) {
        const error = toApiError(err);
        if (stopsTheUpload(error)) return stopped(summary, error);
        summary.photos.failed.push({ id, ...(name !== id ? { label: name.slice(0, 200) } : {}), code: read ? sendFailureCode(error.code, 'photo') : 'photoUnreadable', reason: error.message });
      }
    }
    job.step(++done, name);
  }

  for (const { id, headline } of plan.stories) {
    if (job.signal.aborted) return { ...summary, cancelled: true };
    let bundle: StoryBundle | null = null;
    try {
      bundle = await readStoryBundle(library, id);
      const answer = await target.uploadStory(bundle, peopleNamed(bundle, everyone));
      if (answer.outcome === 'failed') summary.failed.push({ id, label: headline.slice(0, 200), code: answer.code, reason: answer.reason });
      else if (answer.outcome === 'imported') summary.imported++;
      else summary.skipped++;
    } catch (err) {
      const error = toApiError(err);
      if (stopsTheUpload(error)) return stopped(summary, error);
      // A story not read whole is the library's failure (it never left); after, the server's answer.
      summary.failed.push({ id, label: headline.slice(0, 200), code: bundle ? sendFailureCode(error.code, 'story') : 'storyUnreadable', reason: error.message });
    }
    job.step(++done, headline);
  }
  return summary;
}
