// Export and import for the app, the browser host and the command line: one article or a batch,
// with progress and cancel, a result per article or file, and nothing half-written (exportFolder.ts
// swaps each article's folder in whole; a failed import takes back the photos it added).
import { isAbsolute, join } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { ApiError, toApiError } from '../../shared/contract/errors';
import type { ExportResult, ImportResult } from '../../shared/contract/api';
import { ArticleContentSchema, type Article } from '../../shared/model/article';
import { photoIdsIn } from '../../shared/photos/figures';
import { prepareExport } from '../../shared/exchange/prepareExport';
import { withoutWaitingFigures } from '../../shared/exchange/waitingFigures';
import type { ExportFile, ExportFormat, ImportedArticle } from '../../shared/exchange/types';
import type { Library } from '../Library';
import { libraryStories, type StorySource } from './storySource';
import type { ExportContext, ExportWarning, PdfPrinter } from './exportContext';
import { EXPORTERS } from './exporters';
import { readImport } from './importers';
import { folderFor, writeFolder } from './exportFolder';
import type { Job } from './JobRegistry';

/** Articles exported at once: enough to overlap rendering with disk writes on a two-core machine. */
const EXPORT_CONCURRENCY = 4;

export interface ExportRequest {
  actorId: string;
  ids: string[];
  formats: ExportFormat[];
  override: boolean;
  note: string;
}

export class ExchangeService {
  constructor(
    private readonly library: Library,
    private readonly pdfPrinter: () => PdfPrinter,
    private readonly now: () => Date = () => new Date(),
    private readonly defaultExportDir?: string,
    stories?: () => StorySource,
  ) {
    const local = libraryStories(library);
    this.stories = stories ?? (() => local);
  }

  /** Where stories come from and go to: this library unless the core says otherwise (a newsroom). */
  private readonly stories: () => StorySource;

  /** The export folder: the setting, else the host's default, else `exports` inside the library. */
  get exportDir(): string {
    // A relative path (hand-edited settings) would depend on where the app started: ignored.
    const chosen = this.library.currentSettings.exportDir.trim();
    return (isAbsolute(chosen) && chosen) || this.defaultExportDir || join(this.library.dir, 'exports');
  }

  async exportArticles(req: ExportRequest, job: Job, outDir = this.exportDir, concurrency = EXPORT_CONCURRENCY): Promise<{ dir: string; results: ExportResult[]; cancelled: boolean }> {
    await mkdir(outDir, { recursive: true });
    const results: (ExportResult | undefined)[] = new Array(req.ids.length);
    const taken = new Set<string>();
    // A few articles at a time, so one's rendering overlaps another's file writes; results keep their order.
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < req.ids.length) {
        const i = next++;
        job.step(done, req.ids[i]);
        if (job.signal.aborted) return;
        results[i] = await this.exportOne(req.ids[i], req, outDir, taken, job.signal);
        done++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, req.ids.length) }, worker));
    job.step(done, '');
    return { dir: outDir, results: results.filter((r): r is ExportResult => r !== undefined), cancelled: job.signal.aborted };
  }

  /** Renders every requested format of one article into memory; the caller writes them. */
  async render(article: Article, formats: readonly ExportFormat[]): Promise<{ files: ExportFile[]; warnings: ExportWarning[] }> {
    const warnings: ExportWarning[] = [];
    const source = this.stories();
    const ids = photoIdsIn(article.body);
    const proofDoc = prepareExport(article, source.settings(), await source.photoInfos(ids));
    // Only the proof shows a figure still waiting for its photo; what is published leaves it out.
    const { doc, leftOut } = withoutWaitingFigures(proofDoc);
    if (formats.some((f) => f !== 'pdf')) {
      for (const f of leftOut) warnings.push(f.caption ? { key: 'exchange.waitingFigureLeftOut', values: { n: String(f.figure), caption: f.caption } } : { key: 'exchange.waitingFigureLeftOutNoCaption', values: { n: String(f.figure) } });
    }
    const done = new Map<ExportFormat, Promise<ExportFile[]>>();
    // Several formats link the same photos: each file is read once per article.
    const read = new Map<string, Promise<Uint8Array>>();
    const readVariant = (id: string, variant: 'original' | 'preview') => {
      const key = `${id}:${variant}`;
      let bytes = read.get(key);
      if (!bytes) {
        bytes = (async () => {
          const file = await source.photoFile(id, variant);
          if (!file) throw new ApiError('exportFailed', `photo ${id} is missing`, { reason: 'photoMissing', id });
          return new Uint8Array(await readFile(file.path));
        })();
        read.set(key, bytes);
      }
      return bytes;
    };
    const ctx: ExportContext = {
      article,
      doc,
      proofDoc,
      version: await source.versionHolding(article),
      now: this.now(),
      photoBytes: (p) => readVariant(p.id, 'original'),
      webPhoto: (p) => readVariant(p.id, 'preview'),
      pdfPrinter: this.pdfPrinter,
      warn: (w) => warnings.push(w),
      render: (format) => {
        let files = done.get(format);
        if (!files) {
          files = EXPORTERS[format](ctx);
          done.set(format, files);
        }
        return files;
      },
    };
    const byPath = new Map<string, ExportFile>();
    for (const format of formats) for (const file of await ctx.render(format)) byPath.set(file.path, file);
    return { files: [...byPath.values()], warnings };
  }

  private async exportOne(id: string, req: ExportRequest, outDir: string, taken: Set<string>, signal: AbortSignal): Promise<ExportResult> {
    // Named even when refused, so the result list says which story the embargo held.
    const source = this.stories();
    let headline = source.headlineOf(id);
    try {
      const gate = req.formats.some((f) => f !== 'pdf');
      const article = await source.forExport(id, req.actorId, req, req.formats, gate);
      headline = article.headline;
      const { files, warnings } = await this.render(article, req.formats);
      if (signal.aborted) throw new ApiError('cancelled', 'export cancelled');
      const folder = await folderFor(outDir, article, taken);
      await writeFolder(join(outDir, folder), id, files);
      return { id, headline, folder, files: files.map((f) => f.path).sort(), warnings, error: null };
    } catch (err) {
      const error = toApiError(err);
      // Nothing about a story this person may not see is told, its headline included.
      return { id, headline: error.code === 'notFound' ? '' : headline, folder: '', files: [], warnings: [], error: error.toJSON() };
    }
  }

  /** Reads and checks every file first; only a file that reads cleanly becomes an article. */
  async importFiles(actorId: string, files: { name: string; bytes: Uint8Array }[], job: Job): Promise<{ results: ImportResult[]; cancelled: boolean }> {
    const results: ImportResult[] = [];
    for (const [i, file] of files.entries()) {
      job.step(i, file.name);
      if (job.signal.aborted) return { results, cancelled: true };
      const result = await this.importOne(actorId, file, job.signal);
      // Cancelled while this file was being read: nothing of it was saved, and it is no failure.
      if (job.signal.aborted && result.error?.code === 'cancelled') return { results, cancelled: true };
      results.push(result);
    }
    job.step(files.length, '');
    return { results, cancelled: false };
  }

  read(file: { name: string; bytes: Uint8Array }, signal?: AbortSignal): Promise<ImportedArticle> {
    return readArticleFile(file, signal);
  }

  private async importOne(actorId: string, file: { name: string; bytes: Uint8Array }, signal: AbortSignal): Promise<ImportResult> {
    const added: string[] = [];
    const source = this.stories();
    try {
      const imported = await this.read(file, signal);
      // Readers name their warnings briefly (`photosMissing`); the UI keeps them under `exchange.`.
      const warnings = imported.warnings.map((w) => ({ ...w, key: `exchange.${w.key.replace(/^(import|exchange)\./, '')}` }));
      // Photos go in first (by content hash, so a figure's photoId is already right); one the
      // library refuses leaves its figure waiting for a photo, with a warning, not a failed import.
      const refused = new Set<string>();
      for (const photo of imported.photos) {
        try {
          const stored = await source.importPhoto(photo.name, photo.bytes);
          if (!stored.existed) added.push(stored.photo.id);
        } catch (err) {
          refused.add(photo.name);
          warnings.push({ key: 'exchange.photoRefused', values: { file: photo.name, reason: String(toApiError(err).params.reason ?? '') } });
        }
      }
      const content = refused.size ? await dropMissingPhotos(imported, source) : imported.content;
      const article = await source.createImported(actorId, content, `${file.name} (${imported.format})`, imported.original?.corrections ?? []);
      return { name: file.name, articleId: article.id, headline: article.headline, format: imported.format, warnings, error: null };
    } catch (err) {
      // Nothing half-imported: photos this file brought in go again (ones already there stay).
      for (const id of added) await source.removePhoto(id).catch(() => undefined);
      return { name: file.name, articleId: null, headline: '', format: '', warnings: [], error: toApiError(err).toJSON() };
    }
  }
}

/** Reads a file into a checked article without any library (`copydesk import --dry-run`). */
export async function readArticleFile(file: { name: string; bytes: Uint8Array }, signal?: AbortSignal): Promise<ImportedArticle> {
  const imported = await readImport(file.name, file.bytes, signal);
  const checked = ArticleContentSchema.safeParse(imported.content);
  if (!checked.success) throw new ApiError('importFailed', `${file.name}: ${checked.error.message}`, { reason: 'schema', file: file.name });
  return { ...imported, content: checked.data };
}

/** Figures whose photo did not make it into the library keep their caption and wait for a photo. */
async function dropMissingPhotos(imported: ImportedArticle, source: StorySource): Promise<ImportedArticle['content']> {
  const present = new Set((await source.photoInfos(photoIdsIn(imported.content.body))).map((p) => p.id));
  const body = JSON.parse(JSON.stringify(imported.content.body)) as ImportedArticle['content']['body'];
  const walk = (node: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }) => {
    if (node.type === 'figure' && node.attrs && typeof node.attrs.photoId === 'string' && !present.has(node.attrs.photoId)) node.attrs.photoId = '';
    (node.content as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(body);
  return { ...imported.content, body };
}
