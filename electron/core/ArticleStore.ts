// One JSON file per article (`articles/<id>.json`) with its previous good version beside it
// (`<id>.json.bak`). lowdb is the API over each file; this class adds what lowdb does not do:
// validation on read, recovery from the last good copy, and moving damaged files aside.
import { copyFile, link, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ArticleSchema, type Article } from '../../shared/model/article';
import { ApiError, type Notice } from '../../shared/contract/errors';
import { AtomicJsonAdapter, CorruptFileError } from './AtomicJsonAdapter';
import { migrateArticle, NewerVersionError } from './migrations/migrateArticle';
import { quarantine } from './quarantine';

const SUFFIX = '.json';

export function parseArticle(raw: unknown): Article {
  return ArticleSchema.parse(migrateArticle(raw));
}

export class ArticleStore {
  readonly dir: string;

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

  private db(path: string): Low<Article | null> {
    return new Low<Article | null>(new AtomicJsonAdapter(path, parseArticle), null);
  }

  /** Ids of every article file, from the folder listing alone (no file is read). */
  async listIds(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names.filter((n) => n.endsWith(SUFFIX) && !n.startsWith('.')).map((n) => n.slice(0, -SUFFIX.length));
  }

  async fileStat(id: string): Promise<{ size: number; mtimeMs: number }> {
    const s = await stat(this.pathOf(id));
    return { size: s.size, mtimeMs: s.mtimeMs };
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
    const backup = this.db(path + '.bak');
    try {
      await backup.read();
    } catch {
      backup.data = null;
    }
    if (backup.data && backup.data.id === id) {
      const db = this.db(path);
      db.data = backup.data;
      await db.write();
      this.notify({ code: 'articleRecovered', params: { id, headline: backup.data.headline, file: moved, reason: cause.message } });
      return backup.data;
    }
    this.notify({ code: 'articleQuarantined', params: { id, file: moved, reason: cause.message } });
    throw new ApiError('notFound', `article ${id} was damaged and moved to ${moved}`, { id, file: moved });
  }

  /** Writes the article; the version it replaces becomes the last good copy. */
  async write(article: Article): Promise<void> {
    const path = this.pathOf(article.id);
    const bak = path + '.bak';
    await unlink(bak).catch(() => undefined);
    // A hard link keeps the old file's bytes under the .bak name at no copy cost; the atomic
    // rename then puts the new version in place without touching them.
    await link(path, bak).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return; // a new article has no previous version
      await copyFile(path, bak); // file systems without hard links (FAT, some network shares)
    });
    const db = this.db(path);
    db.data = article;
    await db.write();
  }

  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    await unlink(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await unlink(path + '.bak').catch(() => undefined);
  }
}
