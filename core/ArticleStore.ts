// One JSON file per article (`articles/<id>.json`), kept by the library's versioned-file steps
// (core/storage/versionedJsonFiles.ts: validation, migration, last good copy, quarantine,
// recovery, originals under `migrated/`). What is the articles' own: a body over the nesting
// limit is fitted rather than refused, the notices name the article, and the last article read
// or written of each of a few dozen ids is kept in memory so a save need not read its file again.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ARTICLE_SCHEMA_VERSION, ArticleSchema, type Article } from '../shared/model/article';
import { ApiError, type Notice } from '../shared/contract/errors';
import { removeLeftoverTemps, type WriteOptions } from './atomicWrite';
import { migrateArticle } from './migrations/migrateArticle';
import { looksLikeBody, normaliseBody } from '../shared/body/normaliseBody';
import { fingerprintOf, sameFile, type FileFingerprint } from './fileFingerprint';
import { parseStored, VersionedJsonFiles, type JsonFileKind } from './storage/versionedJsonFiles';
import { RecentFiles } from './storage/recentFiles';

const SUFFIX = '.json';

/**
 * An article file: a body over the nesting limit or with nodes the schema does not know is
 * fitted, not refused, so an article written before the limit still opens (its original is kept
 * under `migrated/` before the next save). A body that is not a doc at all is left for the schema
 * to refuse: that file is damaged.
 */
export const ARTICLE_FILE: JsonFileKind<Article> = {
  schema: ArticleSchema,
  version: { current: ARTICLE_SCHEMA_VERSION },
  migrate: migrateArticle,
  fit: (doc) => {
    const body = doc && typeof doc === 'object' ? (doc as { body?: unknown }).body : undefined;
    if (!looksLikeBody(body)) return { doc, changed: false };
    const fitted = normaliseBody(body);
    return { doc: { ...(doc as object), body: fitted.body }, changed: fitted.changed };
  },
};

/** Migrates, fits the body and validates a stored article (its file, a history version, a backup's copy). */
export function parseArticle(raw: unknown): Article {
  return parseStored(ARTICLE_FILE, raw).value;
}

/** How many articles' last read or written copy is kept (each up to a few hundred KB). */
const RECENT_ARTICLES = 32;

export class ArticleStore {
  readonly dir: string;
  private readonly files: VersionedJsonFiles<Article>;
  /** The last copy read or written, with the fingerprint of the file that held it. */
  private readonly recent = new RecentFiles<Article>(RECENT_ARTICLES);

  constructor(libraryDir: string, notify: (notice: Notice) => void, now: () => Date) {
    this.dir = join(libraryDir, 'articles');
    const idOf = (path: string) => basename(path, SUFFIX);
    this.files = new VersionedJsonFiles(ARTICLE_FILE, {
      libraryDir,
      now,
      notify,
      noticeOf: ({ path, file, reason, restored }): Notice =>
        restored
          ? { code: 'articleRecovered', params: { id: restored.id, headline: restored.headline, file, reason } }
          : { code: 'articleQuarantined', params: { id: idOf(path), file, reason } },
      refuseNewer: (path, err) => new ApiError('forbidden', `${idOf(path)}: ${err.message}`, { reason: 'newerVersion', id: idOf(path) }),
      belongs: (path, article) => article.id === idOf(path),
    });
  }

  pathOf(id: string): string {
    return join(this.dir, id + SUFFIX);
  }

  /** Ids of every article file, from the folder listing alone (no file is read). */
  async listIds(): Promise<string[]> {
    const names = await readdir(this.dir);
    await removeLeftoverTemps(this.dir, names);
    return names.filter((n) => n.endsWith(SUFFIX) && !n.startsWith('.')).map((n) => n.slice(0, -SUFFIX.length));
  }

  async fileStat(id: string): Promise<FileFingerprint> {
    return fingerprintOf(await stat(this.pathOf(id)));
  }

  /**
   * Reads and validates an article from its file. A damaged file is quarantined and, where its
   * last good copy is valid, replaced by that copy (with a notice); otherwise the article is
   * reported missing.
   */
  async read(id: string): Promise<Article> {
    const read = await this.files.read(this.pathOf(id)).catch((err: unknown) => {
      this.recent.delete(id);
      throw err;
    });
    if (read.value === null) {
      this.recent.delete(id);
      if (read.quarantined) throw new ApiError('notFound', `article ${id} was damaged and moved to ${read.quarantined}`, { id, file: read.quarantined });
      throw new ApiError('notFound', `article ${id} not found`, { id });
    }
    this.recent.set(id, read.value, read.fingerprint);
    return read.value;
  }

  /**
   * The article as its file holds it now, for a change about to be written over it: the copy last
   * read or written while the file is still that one (same size and time), else read afresh, so a
   * file changed behind the library's back (a sync tool, another process) is never overwritten
   * from a stale copy. Callers build a new article from it; they never change it in place.
   */
  async current(id: string): Promise<Article> {
    const known = this.recent.get(id);
    if (known && sameFile(known.fingerprint, await this.fileStat(id).catch(() => null))) return known.value;
    return this.read(id);
  }

  /**
   * Writes the article; the version it replaces becomes the last good copy. A full or read-only
   * disk fails the save with the article file, its last good copy and any original as they were.
   * Returns the new file's fingerprint; `fresh` as VersionedJsonFiles.write.
   */
  async write(article: Article, opts: Pick<WriteOptions, 'syncDir'> & { fresh?: boolean } = {}): Promise<FileFingerprint> {
    try {
      const fingerprint = await this.files.write(this.pathOf(article.id), article, opts);
      this.recent.set(article.id, article, fingerprint);
      return fingerprint;
    } catch (err) {
      this.recent.delete(article.id); // whatever is on disk now is read afresh
      throw err;
    }
  }

  /** Deletes the article for good, with its last good copy and the originals an older Copydesk wrote. */
  async remove(id: string): Promise<void> {
    this.recent.delete(id);
    await this.files.remove(this.pathOf(id));
  }
}
