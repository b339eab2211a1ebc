// Per-article history under `history/<id>/`: one file per version (`v000012.json.gz`, the whole
// article, gzipped: a Korean story shrinks to about half, and a library keeps many versions of many
// articles), a small `versions.jsonl` of their descriptions for the history panel, and the audit
// log `audit.jsonl`. A save touches only the newest version's file and appends one line, so an
// article with a thousand versions saves as fast as one with a single version.
// A history started by a restore from a backup is one file instead of three: its first version
// carries its audit entries and has no line in `versions.jsonl` (see `startWith`); the reader
// takes both layouts.
import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../shared/model/article';
import { AuditEntrySchema, VersionMetaSchema, type AuditEntry, type VersionKind, type VersionMeta } from '../shared/model/history';
import { ApiError } from '../shared/contract/errors';
import { fsyncDir, writeFileAtomic, type WriteOptions } from './atomicWrite';
import { mapLimited, SYNC_CONCURRENCY } from './mapLimited';
import { parseArticle } from './ArticleStore';
import { FAST, gunzip, gzip } from './storage/smallZlib';
import { nextVersion } from '../shared/workflow/versions';

/** `audit`: entries written with the version when it started the history (`startWith`); absent otherwise. */
const VersionFileSchema = z.object({ meta: VersionMetaSchema, article: z.unknown(), audit: z.array(z.unknown()).optional() });
const fileName = (seq: number) => `v${String(seq).padStart(6, '0')}.json.gz`;
const SEQ = /^v(\d{6,})\.json\.gz$/;

export interface Actor {
  id: string;
  name: string;
}

export class HistoryStore {
  /** The newest version of each article touched this session, so coalescing never lists a folder twice. */
  private readonly newest = new Map<string, VersionMeta | null>();

  constructor(private readonly root: string) {}

  private dir(id: string): string {
    return join(this.root, id);
  }

  /**
   * Keeps `article` as a version. A plain save by the same person in the same state as the newest
   * version, within a minute of that version starting, replaces it instead of adding one.
   */
  async record(article: Article, kind: VersionKind, actor: Actor, now: Date, opts: Pick<WriteOptions, 'syncDir'> = {}): Promise<VersionMeta> {
    const last = await this.newestOf(article.id);
    const meta = nextVersion(last, article, kind, actor, now);
    if (last === null) await mkdir(this.dir(article.id), { recursive: true }); // an article with versions has its folder
    // A plain save's version is a copy of the article file just written durably, so it skips the
    // fsyncs that would double autosave's cost; lost to a power cut, it reads as damaged and the
    // next save starts a new version. Steps, restores and creations are written durably.
    const bytes = await gzip(JSON.stringify({ meta, article }));
    await writeFileAtomic(join(this.dir(article.id), fileName(meta.seq)), bytes, undefined, { durable: kind !== 'save', syncDir: opts.syncDir });
    // The description log is a convenience for listing; the version files are the record, so it is not fsync'd.
    await appendLine(join(this.dir(article.id), 'versions.jsonl'), meta, false);
    this.newest.set(article.id, meta);
    return meta;
  }

  /**
   * Starts the history of an article that has none (no folder yet) with one file: its first
   * version, holding the audit entries too, and no `versions.jsonl` or `audit.jsonl` — a third of
   * the files and one fsync where `record` and `audit` would take three files and two. Returns
   * null, writing nothing, when the article has a history folder already: the caller records and
   * audits it the usual way. The version is written durably; `syncDir: false` leaves the folders
   * to `syncFolders`. Never for plain saves: a coalescing save rewrites its version file.
   */
  async startWith(article: Article, kind: Exclude<VersionKind, 'save'>, actor: Actor, now: Date, audit: readonly AuditEntry[], opts: Pick<WriteOptions, 'syncDir'> = {}): Promise<VersionMeta | null> {
    if (this.newest.get(article.id)) return null;
    await this.ensureRoot();
    try {
      await mkdir(this.dir(article.id)); // not recursive: an existing folder is a history already
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw err;
    }
    const at = now.toISOString();
    const meta: VersionMeta = { seq: 1, revision: article.revision, kind, state: article.status, actorId: actor.id, actorName: actor.name, startedAt: at, at };
    // Written by the thousand in a restore (each article's first version): the fast level.
    const bytes = await gzip(JSON.stringify({ meta, article, audit }), FAST);
    await writeFileAtomic(join(this.dir(article.id), fileName(meta.seq)), bytes, undefined, { syncDir: opts.syncDir });
    this.newest.set(article.id, meta);
    return meta;
  }

  private rootMade = false;

  private async ensureRoot(): Promise<void> {
    if (this.rootMade) return;
    await mkdir(this.root, { recursive: true });
    this.rootMade = true;
  }

  /** After records with `syncDir: false`: flushes those articles' folders, and the folder holding them (new ones), side by side. */
  async syncFolders(ids: readonly string[]): Promise<void> {
    await mapLimited([...ids.map((id) => this.dir(id)), this.root], SYNC_CONCURRENCY, (dir) => fsyncDir(dir));
  }

  /** `durable: false` for entries that record no decision (a plain export), so a batch does not pay an fsync per article. */
  async audit(id: string, entry: AuditEntry, durable = true): Promise<void> {
    await mkdir(this.dir(id), { recursive: true });
    await appendLine(join(this.dir(id), 'audit.jsonl'), entry, durable);
  }

  /** Versions newest first, and the audit log oldest first. */
  async read(id: string): Promise<{ versions: VersionMeta[]; audit: AuditEntry[] }> {
    const bySeq = new Map<number, VersionMeta>();
    for (const meta of await readLines(join(this.dir(id), 'versions.jsonl'), VersionMetaSchema)) bySeq.set(meta.seq, meta);
    // A version with no description line is read from its file: one that started the history
    // (`startWith`, its audit entries with it), or one whose line a crash lost before the append.
    const started: AuditEntry[] = [];
    for (const seq of (await this.seqs(id)).sort((a, b) => a - b)) {
      if (bySeq.has(seq)) continue;
      const file = await this.readVersion(id, seq).catch(() => null);
      if (!file) continue;
      bySeq.set(seq, file.meta);
      started.push(...file.audit);
    }
    const versions = [...bySeq.values()].sort((a, b) => b.seq - a.seq);
    // Entries that came with the first version are older than any line appended after it.
    return { versions, audit: [...started, ...(await readLines(join(this.dir(id), 'audit.jsonl'), AuditEntrySchema))] };
  }

  async version(id: string, seq: number): Promise<Article> {
    return (await this.readVersion(id, seq)).article;
  }

  async remove(id: string): Promise<void> {
    this.newest.delete(id);
    await rm(this.dir(id), { recursive: true, force: true });
  }

  private async readVersion(id: string, seq: number): Promise<{ meta: VersionMeta; article: Article; audit: AuditEntry[] }> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.dir(id), fileName(seq)));
    } catch {
      throw new ApiError('notFound', `version ${seq} of ${id} not found`, { id, version: seq });
    }
    try {
      const file = VersionFileSchema.parse(JSON.parse((await gunzip(bytes)).toString('utf8')));
      // An audit entry that does not read is skipped, as a torn line of audit.jsonl is.
      const audit = (file.audit ?? []).flatMap((e) => {
        const entry = AuditEntrySchema.safeParse(e);
        return entry.success ? [entry.data] : [];
      });
      return { meta: file.meta, article: parseArticle(file.article), audit };
    } catch {
      // A damaged old version costs only itself: the article and every other version are untouched.
      throw new ApiError('notFound', `version ${seq} of ${id} is damaged`, { id, version: seq, reason: 'damaged' });
    }
  }

  private async seqs(id: string): Promise<number[]> {
    const names = await readdir(this.dir(id)).catch(() => [] as string[]);
    return names.flatMap((n) => {
      const m = SEQ.exec(n);
      return m ? [Number(m[1])] : [];
    });
  }

  private async newestOf(id: string): Promise<VersionMeta | null> {
    if (this.newest.has(id)) return this.newest.get(id)!;
    const seq = Math.max(0, ...(await this.seqs(id)));
    const meta = seq > 0 ? ((await this.readVersion(id, seq).catch(() => null))?.meta ?? null) : null;
    // A damaged newest file must not be overwritten by coalescing: start a new version after it.
    const known = meta ?? (seq > 0 ? { ...placeholder, seq } : null);
    this.newest.set(id, known);
    return known;
  }
}

const placeholder: VersionMeta = { seq: 1, revision: 0, kind: 'create', state: 'draft', actorId: '', actorName: '', startedAt: new Date(0).toISOString(), at: new Date(0).toISOString() };

async function appendLine(path: string, value: unknown, durable: boolean): Promise<void> {
  const handle = await open(path, 'a+');
  try {
    // After a write cut short (disk full, a crash) the file ends mid-line: start on a line of our
    // own, or this entry would be glued to the fragment and both lost on reading.
    await handle.write((await endsMidLine(handle) ? '\n' : '') + JSON.stringify(value) + '\n');
    if (durable) await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function endsMidLine(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

async function readLines<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data); // a torn last line (crash mid-append) is skipped
    } catch {
      /* not JSON: torn line */
    }
  }
  return out;
}
