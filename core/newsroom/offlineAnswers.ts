// What the newsroom last answered, kept in the library folder so a connected desktop still shows
// its stories with no connection (issue 17, "the replica"): the list, a story, its history, the
// people. Each read the server answers is remembered by method and input; when the server cannot
// be reached the same read gets the remembered answer, with when it was given. Only reads: a
// change made offline goes through the live replica (or waits), never through this.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomicWrite';
import type { NewsroomMethod } from '../../shared/contract/newsroomMethods';
import { migrateArticle } from '../migrations/migrateArticle';

export const ANSWERS_DIR = 'newsroom-answers';

/** The reads a desk needs to keep working offline. */
export const REMEMBERED_READS = [
  'listPeople',
  'listArticles',
  'queryArticles',
  'queryArticleIds',
  'libraryFacets',
  'embargoedArticles',
  'getArticle',
  'getHistory',
  'getVersion',
  'getPhotos',
] as const satisfies readonly NewsroomMethod[];
export type RememberedRead = (typeof REMEMBERED_READS)[number];

export function isRememberedRead(method: string): method is RememberedRead {
  return (REMEMBERED_READS as readonly string[]).includes(method);
}

/**
 * A kept story or version as this Copydesk reads it: one kept before an upgrade of the article
 * schema is upgraded like a file (the server's copies were, by its own migration), so the answer
 * still passes the contract offline.
 */
export function upgradeKept(method: RememberedRead, answer: unknown): unknown {
  return method === 'getArticle' || method === 'getVersion' ? migrateArticle(answer) : answer;
}

export interface Remembered {
  /** When the server gave this answer (ISO). */
  at: string;
  answer: unknown;
}

export class OfflineAnswers {
  /** The last write per file: a newer answer is written after an older one, never under it. */
  private readonly writing = new Map<string, Promise<void>>();
  /** A digest of the answer last kept per file, this session. */
  private readonly kept = new Map<string, string>();

  constructor(
    readonly libraryDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The file for a read: by method and input (the person is the folder's one account, so `actor` is left out). */
  private path(method: RememberedRead, input: Record<string, unknown>): string {
    const { actor: _actor, ...rest } = input;
    const key = createHash('sha256').update(stableJson(rest)).digest('hex').slice(0, 32);
    return join(this.libraryDir, ANSWERS_DIR, method, `${key}.json`);
  }

  /**
   * Keeps the server's answer; never fails the read it came from (a full disk only loses the copy).
   * The same answer as the one last kept for this read is not written again: a list paged through
   * or a story reopened writes nothing new (`at` then stays when it was first given).
   */
  remember(method: RememberedRead, input: Record<string, unknown>, answer: unknown): Promise<void> {
    const path = this.path(method, input);
    const digest = createHash('sha256').update(JSON.stringify(answer) ?? '').digest('hex');
    if (this.kept.get(path) === digest) return this.writing.get(path) ?? Promise.resolve();
    this.kept.set(path, digest);
    const text = JSON.stringify({ at: this.now().toISOString(), answer } satisfies Remembered);
    const write = (this.writing.get(path) ?? Promise.resolve())
      .then(async () => {
        await mkdir(join(this.libraryDir, ANSWERS_DIR, method), { recursive: true });
        // A copy: the server holds the original, so no fsync is owed.
        await writeFileAtomic(path, text, undefined, { durable: false });
      })
      .catch(() => undefined);
    this.writing.set(path, write);
    void write.finally(() => this.writing.get(path) === write && this.writing.delete(path));
    return write;
  }

  /** The folder is unbound: the newsroom's copies leave with it. */
  async forget(): Promise<void> {
    await Promise.all([...this.writing.values()]);
    this.kept.clear();
    await rm(join(this.libraryDir, ANSWERS_DIR), { recursive: true, force: true });
  }

  /** The last answer to this read, or null if the server never gave one here. */
  async recall(method: RememberedRead, input: Record<string, unknown>): Promise<Remembered | null> {
    const path = this.path(method, input);
    await this.writing.get(path);
    return this.recallFile(path);
  }

  /**
   * Every answer kept for a method, as files with a stamp (size and time) that changes when the
   * answer does, so a reader of many (the stories held here, issue 17) reads again only those.
   */
  async keptFiles(method: RememberedRead): Promise<{ path: string; stamp: string }[]> {
    await Promise.all([...this.writing.values()]);
    const dir = join(this.libraryDir, ANSWERS_DIR, method);
    const names = await readdir(dir).catch(() => [] as string[]);
    const out = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map(async (n) => {
          const s = await stat(join(dir, n)).catch(() => null);
          return s && { path: join(dir, n), stamp: `${s.ino}:${s.size}:${s.mtimeMs}` };
        }),
    );
    return out.filter((f): f is { path: string; stamp: string } => f !== null);
  }

  /** One kept answer by its file (from `keptFiles`); null if it is gone or unreadable. */
  async recallFile(path: string): Promise<Remembered | null> {
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<Remembered>;
      return typeof parsed.at === 'string' && 'answer' in parsed ? { at: parsed.at, answer: parsed.answer } : null;
    } catch {
      return null;
    }
  }
}

/** JSON with object keys sorted, so the same input always names the same file. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
