// Library backups: rolling snapshots on a schedule, browsing one, restoring articles or the whole
// library from it, and archives. Whatever changes the backup store (taking a snapshot, pruning,
// staging an archive) runs one at a time; restores and exports only read, with their snapshot
// pinned so pruning cannot take it meanwhile. None of it holds an article's save queue for longer
// than that one article's restore.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { BackupIdSchema, type BackupArticleRow, type BackupArticleState, type BackupPage, type BackupReason, type BackupSummary, type RestoreResult } from '../../shared/model/backup';
import type { Person } from '../../shared/model/person';
import { refuseBackupRestore } from '../../shared/workflow/access';
import type { Job } from '../exchange/JobRegistry';
import { ChunkSchema, SnapshotFileSchema, type Row, type SnapshotFile } from './format';
import { ObjectStore } from './ObjectStore';
import { snapshotsToKeep } from './prunePolicy';
import { SnapshotRestore } from './restore';
import type { BackupLibrary } from './backupLibrary';
import { discard, readArchive, type ArchiveSource } from './readArchive';
import { articleForRow, contentHashOf } from './rows';
import { takeSnapshot, writeManifest, type SnapshotOutcome } from './takeSnapshot';
import { SnapshotCache } from './snapshotCache';
import { writeArchive } from './writeArchive';
import { phase, PROGRESS_SCALE } from './progress';
import { byNewest, newestFirst } from '../../shared/time/newestFirst';
import { sameFile } from '../fileFingerprint';
import { freeName } from '../files/freeName';

export interface BackupOptions {
  now?: () => Date;
  /** Where archives are written. */
  exportDir: () => string;
  /** The first scheduled check after opening (not at once: opening the library comes first), and how often after that. */
  startDelayMs?: number;
  checkEveryMs?: number;
}

const HOUR = 60 * 60 * 1000;
/** A timer that fires a little early still counts as an hour. */
const SLACK = 60 * 1000;

const backupMissing = (id: string) => new ApiError('backupFailed', `backup ${id} not found`, { reason: 'missing', snapshot: id });

export function snapshotIdFor(at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

function summaryOf(f: SnapshotFile): BackupSummary {
  return { id: f.id, createdAt: f.createdAt, reason: f.reason, articles: f.counts.articles, trashed: f.counts.trashed, photos: f.counts.photos, damaged: f.counts.damaged, source: f.source };
}

export class BackupService {
  readonly dir: string;
  readonly snapshotsDir: string;
  readonly objects: ObjectStore;
  private readonly restorer: SnapshotRestore;
  private readonly now: () => Date;
  private chain: Promise<unknown> = Promise.resolve();
  private manifests: Map<string, SnapshotFile> | null = null;
  /** What the next snapshot needs of the newest one (not its rows: snapshotCache.ts). */
  private latest: SnapshotCache | null = null;
  /** The snapshot being browsed, newest first. */
  private browsed: { id: string; rows: Row[] } | null = null;
  private readonly mirroredPhotos = new Set<string>();
  private readonly pins = new Map<string, number>();
  private readonly closing = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private swept = false;
  /** What the last snapshot cost: article files read, objects written, and milliseconds (for tests and the bench). */
  lastRun: { id: string; read: number; stored: number; ms: number } | null = null;

  constructor(
    private readonly library: BackupLibrary,
    private readonly opts: BackupOptions,
  ) {
    this.dir = join(library.dir, 'backups');
    this.snapshotsDir = join(this.dir, 'snapshots');
    this.objects = new ObjectStore(this.dir);
    this.now = opts.now ?? (() => new Date());
    this.restorer = new SnapshotRestore({
      library,
      objects: this.objects,
      closing: this.closing.signal,
      snapshotBefore: () => this.exclusive(() => this.snapshotLocked('beforeRestore')),
      currentContentHash: (id) => this.currentContentHash(id),
    });
  }

  // ── schedule ──

  /** Checks soon after opening, then every few minutes, whether the newest snapshot is an hour old. */
  start(): void {
    const first = setTimeout(() => void this.tick(), this.opts.startDelayMs ?? 30_000);
    const every = setInterval(() => void this.tick(), this.opts.checkEveryMs ?? 5 * 60_000);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  /** One scheduled check; resolves with the snapshot taken, if any. Failures (disk full) wait for the next check. */
  tick(): Promise<BackupSummary | null> {
    if (this.closing.signal.aborted || !this.library.currentSettings.backups.enabled) return Promise.resolve(null);
    return this.track(
      this.exclusive(async () => {
        const newest = (await this.manifestList()).reduce((t, f) => Math.max(t, Date.parse(f.addedAt)), -Infinity);
        if (this.now().getTime() - newest < HOUR - SLACK) return null;
        const taken = await this.snapshotLocked('scheduled', this.closing.signal);
        await this.pruneLocked();
        return summaryOf(taken.file);
      }),
    ).catch(() => null);
  }

  async close(): Promise<void> {
    this.closing.abort();
    for (const t of this.timers) clearTimeout(t);
    await Promise.allSettled([...this.running]);
    await this.chain.catch(() => undefined);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.catch(() => undefined).then(task);
    this.chain = next;
    return next;
  }

  private pin(id: string): () => void {
    this.pins.set(id, (this.pins.get(id) ?? 0) + 1);
    return () => {
      const n = (this.pins.get(id) ?? 1) - 1;
      if (n > 0) this.pins.set(id, n);
      else this.pins.delete(id);
    };
  }

  // ── reading ──

  private async manifestList(): Promise<SnapshotFile[]> {
    if (!this.manifests) {
      const found = new Map<string, SnapshotFile>();
      for (const name of await readdir(this.snapshotsDir).catch(() => [] as string[])) {
        const id = name.slice(0, -'.json'.length);
        if (!name.endsWith('.json') || !BackupIdSchema.safeParse(id).success) continue;
        try {
          const file = SnapshotFileSchema.parse(JSON.parse(await readFile(join(this.snapshotsDir, name), 'utf8')));
          if (file.id === id) found.set(id, file);
        } catch {
          // A damaged manifest is left where it is and not listed; its objects stay until it is pruned by hand.
        }
      }
      this.manifests = found;
    }
    return [...this.manifests.values()].sort(byNewest((s) => s.createdAt, (s) => s.id));
  }

  private async manifest(id: string): Promise<SnapshotFile> {
    await this.manifestList();
    const file = this.manifests?.get(id);
    if (!file) throw backupMissing(id);
    return file;
  }

  /** A snapshot's rows, read from its chunks (for browsing, restoring and exporting it). */
  private async rowsOf(file: SnapshotFile): Promise<Row[]> {
    const rows: Row[] = [];
    for (const c of file.chunks) rows.push(...(await this.chunkRows(c)));
    return rows;
  }

  private async chunkRows(hash: string): Promise<Row[]> {
    const parsed = ChunkSchema.safeParse(await this.objects.getJson(hash));
    if (!parsed.success) throw new ApiError('backupFailed', `chunk ${hash} is damaged`, { reason: 'damaged' });
    return parsed.data;
  }

  async list(): Promise<BackupSummary[]> {
    return (await this.manifestList()).map(summaryOf);
  }

  /** A page of a snapshot's articles, newest first, each compared with the library now. */
  async page(id: string, opts: { offset: number; limit: number; query: string }): Promise<BackupPage> {
    const unpin = this.pin(id);
    try {
      const file = await this.manifest(id);
      if (this.browsed?.id !== id) {
        const rows = (await this.rowsOf(file)).sort((a, b) => newestFirst(a.updatedAt, b.updatedAt));
        this.browsed = { id, rows };
      }
      const q = opts.query.trim().toLocaleLowerCase();
      const matching = q ? this.browsed.rows.filter((r) => r.headline.toLocaleLowerCase().includes(q) || r.kicker.toLocaleLowerCase().includes(q)) : this.browsed.rows;
      const slice = matching.slice(opts.offset, opts.offset + opts.limit);
      const rows: BackupArticleRow[] = [];
      for (const r of slice) {
        rows.push({ id: r.id, headline: r.headline, kicker: r.kicker, language: r.language, status: r.status, updatedAt: r.updatedAt, trashed: r.trashedAt !== null, now: await this.stateNow(r) });
      }
      return { backup: summaryOf(file), total: matching.length, offset: opts.offset, rows };
    } finally {
      unpin();
    }
  }

  private async stateNow(row: Row): Promise<BackupArticleState> {
    const summary = this.library.summaryOf(row.id);
    if (!summary) return 'gone';
    if ((summary.trashedAt !== null) !== (row.trashedAt !== null)) return summary.trashedAt !== null ? 'trashed' : 'changed';
    return (await this.currentContentHash(row.id)) === row.contentHash ? 'same' : 'changed';
  }

  /** The fingerprint of the article as it is on disk now: from the newest snapshot if the file has not changed since, else read. */
  private async currentContentHash(id: string): Promise<string | null> {
    const path = join(this.library.dir, 'articles', `${id}.json`);
    try {
      const s = await stat(path);
      const slot = this.latest ? this.latest.slotOf(id) : -1;
      if (slot >= 0 && sameFile(this.latest!.fingerprintAt(slot), s)) return this.latest!.contentHashAt(slot);
      return contentHashOf(articleForRow(await readFile(path)));
    } catch {
      return null;
    }
  }

  // ── snapshots ──

  async create(actorId: string): Promise<BackupSummary> {
    this.person(actorId);
    return this.track(
      this.exclusive(async () => {
        const taken = await this.snapshotLocked('manual');
        await this.pruneLocked();
        return summaryOf(taken.file);
      }),
    );
  }

  /** The newest snapshot's cache; after opening, made from its chunks one at a time. */
  private async previousCache(): Promise<SnapshotCache | null> {
    if (this.latest) return this.latest;
    const newest = (await this.manifestList()).sort((a, b) => newestFirst(a.addedAt, b.addedAt))[0];
    if (!newest) return null;
    const cache = SnapshotCache.builder(newest.counts.articles + newest.counts.trashed);
    try {
      for (const c of newest.chunks) {
        // Each id as the library's index holds it already, where it does.
        for (const row of await this.chunkRows(c)) cache.addRow(row, this.library.summaryOf(row.id)?.id ?? row.id);
        cache.endChunk(c);
      }
    } catch {
      // A damaged previous snapshot only costs a full read this once.
      return null;
    }
    return cache.finish(newest.id);
  }

  private async snapshotLocked(reason: BackupReason, signal?: AbortSignal): Promise<SnapshotOutcome> {
    await mkdir(this.snapshotsDir, { recursive: true });
    const started = performance.now();
    const now = this.now();
    const outcome = await takeSnapshot({
      libraryDir: this.library.dir,
      snapshotsDir: this.snapshotsDir,
      objects: this.objects,
      previous: await this.previousCache(),
      readChunk: (hash) => this.chunkRows(hash),
      mirroredPhotos: this.mirroredPhotos,
      knownStat: this.library.fileStatOf ? (id) => this.library.fileStatOf!(id) : undefined,
      indexed: (id) => this.library.summaryOf(id),
      id: snapshotIdFor(now),
      reason,
      now,
      signal,
    });
    this.manifests?.set(outcome.file.id, outcome.file);
    this.latest = outcome.cache;
    this.lastRun = { id: outcome.file.id, read: outcome.read, stored: outcome.stored, ms: performance.now() - started };
    return outcome;
  }

  /** Drops the snapshots the retention rule does not keep, then the files no snapshot uses. */
  private async pruneLocked(): Promise<string[]> {
    const all = await this.manifestList();
    const keep = snapshotsToKeep(all, this.library.currentSettings.backups, this.now());
    for (const id of this.pins.keys()) keep.add(id);
    const dropped = all.filter((f) => !keep.has(f.id)).map((f) => f.id);
    for (const id of dropped) {
      await rm(join(this.snapshotsDir, `${id}.json`), { force: true });
      this.manifests?.delete(id);
      if (this.browsed?.id === id) this.browsed = null;
    }
    if (dropped.length || !this.swept) await this.collectGarbage();
    this.swept = true;
    return dropped;
  }

  private async collectGarbage(): Promise<void> {
    const objects = new Set<string>();
    const photos = new Set<string>();
    const chunksSeen = new Set<string>();
    for (const f of await this.manifestList()) {
      for (const h of [f.settings, f.people]) if (h) objects.add(h);
      for (const c of f.chunks) {
        objects.add(c);
        if (chunksSeen.has(c)) continue;
        chunksSeen.add(c);
        const parsed = ChunkSchema.safeParse(await this.objects.getJson(c).catch(() => null));
        // Without every chunk it is not known what is still used: remove nothing this time.
        if (!parsed.success) return;
        for (const r of parsed.data) {
          objects.add(r.hash);
          for (const p of r.photos) photos.add(p);
        }
      }
    }
    for (const h of await this.objects.list()) if (!objects.has(h)) await this.objects.remove(h);
    for (const id of await this.objects.photos.ids()) {
      if (photos.has(id)) continue;
      await this.objects.photos.remove(id);
      this.mirroredPhotos.delete(id);
    }
    for (const id of await this.objects.photos.incomplete()) await this.objects.photos.remove(id);
    await this.objects.removeStrays();
  }

  // ── restore ──

  private person(actorId: string): Person {
    const person = this.library.listPeople().find((p) => p.id === actorId && p.active);
    if (!person) throw new ApiError('forbidden', `unknown or inactive person ${actorId}`, { reason: 'unknownPerson' });
    return person;
  }

  private requireRole(person: Person, roles: readonly Person['role'][], action: string): void {
    if (!roles.includes(person.role)) throw new ApiError('forbidden', `${person.role} may not ${action}`, { reason: 'role', action, role: person.role });
  }

  /** Restores `ids` from the snapshot, or with no ids the whole library (restore.ts). */
  async restore(actorId: string, snapshotId: string, ids: readonly string[] | undefined, job: Job): Promise<RestoreResult> {
    const person = this.person(actorId);
    // One story back is the desk's call; the whole library (people, settings) is the admin's.
    const refusal = refuseBackupRestore(person.role, !ids);
    if (refusal) throw refusal;
    const unpin = this.pin(snapshotId);
    try {
      const file = await this.manifest(snapshotId);
      return await this.track(this.restorer.restoreFrom(person, file, await this.rowsOf(file), ids, job));
    } finally {
      unpin();
    }
  }

  // ── archives ──

  async exportArchive(actorId: string, snapshotId: string, job: Job, outDir = this.opts.exportDir()): Promise<{ path: string; bytes: number; cancelled: boolean }> {
    this.requireRole(this.person(actorId), ['admin'], 'exportBackup');
    const unpin = this.pin(snapshotId);
    try {
      const file = await this.manifest(snapshotId);
      const rows = await this.rowsOf(file);
      await mkdir(outDir, { recursive: true });
      const outPath = await freeName(outDir, `copydesk-backup-${file.id.slice(0, 15)}`, '.zip');
      const written = await this.track(writeArchive({ objects: this.objects, file, rows, outPath, now: this.now(), progress: phase(job, 0, PROGRESS_SCALE) }));
      return { path: written.path, bytes: written.bytes, cancelled: written.cancelled };
    } finally {
      unpin();
    }
  }

  /**
   * Checks an archive through and through and keeps it as a snapshot (reason `import`), then
   * restores the whole library from it. A bad archive changes nothing.
   */
  async importArchive(actorId: string, source: ArchiveSource, job: Job): Promise<RestoreResult & { snapshot: string }> {
    const person = this.person(actorId);
    this.requireRole(person, ['admin'], 'importBackup');
    const checking = phase(job, 0, PROGRESS_SCALE / 2, AbortSignal.any([job.signal, this.closing.signal]));
    let unpin = () => undefined as void;
    const staged = await this.track(
      this.exclusive(async () => {
        const read = await readArchive(source, this.objects, checking, { libraryDir: this.library.dir });
        try {
          const snap = read.manifest.snapshot;
          const file: SnapshotFile = { ...snap, id: snapshotIdFor(new Date(snap.createdAt)), addedAt: this.now().toISOString(), reason: 'import', source: source.name.slice(0, 255) };
          await mkdir(this.snapshotsDir, { recursive: true });
          await writeManifest(this.snapshotsDir, this.objects, file);
          this.manifests?.set(file.id, file);
          unpin = this.pin(file.id);
          return { file, rows: read.rows, atHand: read.atHand };
        } catch (err) {
          await discard(this.objects, read.added);
          throw err;
        }
      }),
    );
    try {
      const result = await this.track(this.restorer.restoreFrom(person, staged.file, staged.rows, undefined, job, { from: PROGRESS_SCALE / 2, atHand: staged.atHand }));
      return { ...result, snapshot: staged.file.id };
    } finally {
      unpin();
    }
  }
}

