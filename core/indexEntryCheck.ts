// A quick shape check for the index snapshot's entries. The snapshot is our own file, written
// atomically, and holds one entry per article: zod takes about 50 µs an entry, five seconds at
// 100,000, which would be most of the start-up. This checks the fields the list relies on and
// fills the defaults zod would; anything off and the snapshot is rebuilt from the articles.
import { ArticleStatusSchema } from '../shared/model/article';
import type { IndexEntry } from './indexEntry';

const STATUSES = new Set<string>(ArticleStatusSchema.options);
const ID = /^[a-z0-9-]{8,64}$/;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || v === undefined || typeof v === 'string';

function isByline(b: unknown): boolean {
  if (!b || typeof b !== 'object') return false;
  const { outlet, desk, templateId, reporters } = b as Record<string, unknown>;
  return isString(outlet) && isString(desk) && isString(templateId) && Array.isArray(reporters) && reporters.every((r) => r && typeof r === 'object' && isString((r as { name: unknown }).name) && isString((r as { role: unknown }).role) && isString((r as { email: unknown }).email));
}

/** The entry with defaults filled in, or null if it is not one. */
export function checkIndexEntry(raw: unknown): IndexEntry | null {
  if (!raw || typeof raw !== 'object') return null;
  const e = raw as Record<string, unknown>;
  const s = e.summary as Record<string, unknown> | undefined;
  if (!s || typeof s !== 'object') return null;
  if (!isString(s.id) || !ID.test(s.id) || (s.language !== 'ko' && s.language !== 'en') || !isString(s.kicker) || !isString(s.headline)) return null;
  if (!STATUSES.has(s.status as string) || typeof s.revision !== 'number' || !isString(s.createdAt) || !isString(s.updatedAt)) return null;
  if (!isStringOrNull(s.trashedAt) || !isStringOrNull(s.ownerId) || !isStringOrNull(s.embargo) || !isByline(s.byline)) return null;
  if (typeof e.size !== 'number' || typeof e.mtimeMs !== 'number') return null;
  const photos = e.photos ?? [];
  const tags = e.tags ?? null;
  if (!Array.isArray(photos) || !photos.every(isString) || (tags !== null && (!Array.isArray(tags) || !tags.every(isString)))) return null;
  const lastTransition = s.lastTransition ?? null;
  const sheets = typeof s.sheets === 'number' && s.sheets >= 0 ? s.sheets : null; // not known: re-read in the background
  if (lastTransition !== null && (typeof lastTransition !== 'object' || !isString((lastTransition as { action: unknown }).action))) return null;
  return {
    summary: { ...(s as IndexEntry['summary']), trashedAt: (s.trashedAt as string | null) ?? null, ownerId: (s.ownerId as string | null) ?? null, embargo: (s.embargo as string | null) ?? null, lastTransition: lastTransition as IndexEntry['summary']['lastTransition'], sheets, photoCount: photos.length, waitingPhotos: typeof s.waitingPhotos === 'number' && s.waitingPhotos >= 0 ? s.waitingPhotos : 0 },
    size: e.size,
    mtimeMs: e.mtimeMs,
    photos: photos as string[],
    tags: tags as string[] | null,
  };
}
