// One JSON file per article (`articles/<id>.json`) with its previous good version beside it
// (`<id>.json.bak`). lowdb is the API over each file; this class adds what lowdb does not do:
// validation on read, recovery from the last good copy, moving damaged files aside, and keeping
// the original of a file from an older Copydesk (`migrated/<id>.v<N>.json`) before upgrading it —
// or before replacing a file whose body had to be fitted to the body schema (nested too deep).
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ARTICLE_SCHEMA_VERSION, ArticleSchema, type Article } from '../shared/model/article';
import { ApiError, type Notice } from '../shared/contract/errors';
import { AtomicJsonAdapter, CorruptFileError } from './AtomicJsonAdapter';
import { keepCopy, writeFileAtomic, type WriteOptions } from './atomicWrite';
import { migrateArticle, NewerVersionError } from './migrations/migrateArticle';
import { keepOriginal, versionOf } from './migrations/migrate';
import { quarantine } from './quarantine';
import { looksLikeBody, normaliseBody } from '../shared/body/normaliseBody';
import { fingerprintOf, type FileFingerprint } from './fileFingerprint';

const SUFFIX = '.json';

export function parseArticle(raw: unknown): Article {
  return readArticle(raw).article;
}

/**
 * Migrates, fits the body to the body schema and validates a stored article (its file, a history
 * version, a backup's copy). A body over the nesting limit or with nodes the schema does not know
 * is fitted, not refused, so an article written before the limit still opens (`bodyFitted`: its
 * original is kept under `migrated/` before the next save). A body that is not a doc at all is
 * left for the schema to refuse: that file is damaged.
 */
export function readArticle(raw: unknown): { article: Article; bodyFitted: boolean } {
  const doc = migrateArticle(raw);
  const body = doc && typeof doc === 'object' ? (doc as { body?: unknown }).body : undefined;
  if (!looksLikeBody(body)) {
    return { article: ArticleSchema.parse(doc), bodyFitted: false };
  }
  const fitted = normaliseBody(body);
  return { article: ArticleSchema.parse({ ...(doc as object), body: fitted.body }), bodyFitted: fitted.changed };
}

export class ArticleStore {
  readonly dir: string;
  /** Articles read from an older schema version, by id: their original is kept before the first upgraded save. */
  private readonly older = new Map<string, number>();

  constructor(
    private readonly libraryDir: string,
    private readonly notify: (notice: Notice) => void,
    private readonly now: () => Date,
  ) {
    this.dir = join(libraryDir, 'articles');
  }

  pathOf(id: string): string {
    return join(this.dir, id + SUFFIX);
  }

  private db(path: string, writeOptions?: WriteOptions): Low<Article | null> {
    const parse = (raw: unknown): Article => {
      const { article, bodyFitted } = readArticle(raw);
      const version = versionOf(raw) ?? ARTICLE_SCHEMA_VERSION;
      if (version < ARTICLE_SCHEMA_VERSION || bodyFitted) this.older.set(article.id, version);
      return article;
    };
    return new Low<Article | null>(new AtomicJsonAdapter(path, parse, writeOptions), null);
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
   * Reads and validates an article. A damaged file is quarantined and, where its last good copy
   * is valid, replaced by that copy (with a notice); otherwise the article is reported missing.
   */
  async read(id: string): Promise<Article> {
    const path = this.pathOf(id);
    const db = this.db(path);
    try {
      await db.read();
    } catch (err) {
      if (err instanceof NewerVersionError) {
        throw new ApiError('forbidden', `${id}: ${err.message}`, { reason: 'newerVersion', id });
      }
      if (!(err instanceof CorruptFileError)) throw err;
      return this.recover(id, err);
    }
    if (!db.data) throw new ApiError('notFound', `article ${id} not found`, { id });
    return db.data;
  }

  private async recover(id: string, cause: CorruptFileError): Promise<Article> {
    const path = this.pathOf(id);
    const moved = await quarantine(this.libraryDir, path, this.now());
    const backup = await this.readBackup(path + '.bak');
    if (backup && backup.article.id === id) {
      // The last good copy goes back byte for byte: if an older Copydesk wrote it, it stays that
      // version until a save upgrades it (and keeps it under `migrated/`).
      await writeFileAtomic(path, backup.bytes);
      if (backup.version < ARTICLE_SCHEMA_VERSION || backup.bodyFitted) this.older.set(id, backup.version);
      this.notify({ code: 'articleRecovered', params: { id, headline: backup.article.headline, file: moved, reason: cause.message } });
      return backup.article;
    }
    this.notify({ code: 'articleQuarantined', params: { id, file: moved, reason: cause.message } });
    throw new ApiError('notFound', `article ${id} was damaged and moved to ${moved}`, { id, file: moved });
  }

  /** A last good copy that is itself whole and valid, or null. */
  private async readBackup(path: string): Promise<{ bytes: Buffer; article: Article; version: number; bodyFitted: boolean } | null> {
    try {
      const bytes = await readFile(path);
      const raw: unknown = JSON.parse(bytes.toString('utf8'));
      return { bytes, ...readArticle(raw), version: versionOf(raw) ?? ARTICLE_SCHEMA_VERSION };
    } catch {
      return null;
    }
  }

  /**
   * Writes the article; the version it replaces becomes the last good copy. The new bytes are
   * written (and synced) first and only then is anything on disk touched, so a full or read-only
   * disk fails the save with the article file, its last good copy and any original as they were.
   */
  async write(article: Article, opts: Pick<WriteOptions, 'syncDir'> = {}): Promise<void> {
    const path = this.pathOf(article.id);
    const older = this.older.get(article.id);
    const db = this.db(path, {
      ...opts,
      beforeReplace: async () => {
        if (older !== undefined) await keepOriginal(this.libraryDir, path, older);
        await keepCopy(path, path + '.bak'); // false for a new article: it has no previous version
      },
    });
    db.data = article;
    await db.write();
    this.older.delete(article.id);
  }

  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    await unlink(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await unlink(path + '.bak').catch(() => undefined);
    this.older.delete(id);
    // Deleting for good includes the originals an older Copydesk wrote.
    const migrated = join(this.libraryDir, 'migrated');
    const names = await readdir(migrated).catch(() => [] as string[]);
    for (const name of names) if (name.startsWith(`${id}.v`)) await unlink(join(migrated, name)).catch(() => undefined);
  }
}

/**
 * Temporary files a killed write left behind (`.name.<hex>.tmp`, see atomicWrite.ts). Nothing
 * reads them; they are removed while the library lock is held, so no write of ours is in flight.
 */
export async function removeLeftoverTemps(dir: string, names?: readonly string[]): Promise<void> {
  const all = names ?? (await readdir(dir).catch(() => [] as string[]));
  await Promise.all(all.filter((n) => /^\..+\.[0-9a-f]{12}\.tmp$/.test(n)).map((n) => unlink(join(dir, n)).catch(() => undefined)));
}
