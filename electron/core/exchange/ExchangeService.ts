// Export and import for the app, the browser host and the command line: one article or a batch,
// with progress and cancel, a result per article or file, and nothing half-written. Each article's
// files are written into a temporary folder and renamed into place only when all are done.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { ApiError, toApiError } from '../../../shared/contract/errors';
import type { ExportResult, ImportResult } from '../../../shared/contract/api';
import { ArticleContentSchema, type Article } from '../../../shared/model/article';
import { photoIdsIn } from '../../../shared/photos/figures';
import { prepareExport } from '../../../shared/exchange/prepareExport';
import type { ExportFile, ExportFormat, ImportedArticle } from '../../../shared/exchange/types';
import { safeFileName, uniqueName } from '../../../shared/exchange/safeFileName';
import type { Library } from '../Library';
import type { ExportContext, ExportWarning, PdfPrinter } from './exportContext';
import { EXPORTERS } from './exporters';
import { readImport } from './importers';
import type { Job } from './JobRegistry';

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
  ) {}

  /** The export folder: the setting, else the host's default, else `exports` inside the library. */
  get exportDir(): string {
    return this.library.currentSettings.exportDir.trim() || this.defaultExportDir || join(this.library.dir, 'exports');
  }

  async exportArticles(req: ExportRequest, job: Job, outDir = this.exportDir): Promise<{ dir: string; results: ExportResult[]; cancelled: boolean }> {
    await mkdir(outDir, { recursive: true });
    const results: ExportResult[] = [];
    const taken = new Set<string>();
    for (const [i, id] of req.ids.entries()) {
      if (job.signal.aborted) return { dir: outDir, results, cancelled: true };
      job.step(i, id);
      results.push(await this.exportOne(id, req, outDir, taken, job.signal));
    }
    job.step(req.ids.length, '');
    return { dir: outDir, results, cancelled: job.signal.aborted };
  }

  /** Renders every requested format of one article into memory; the caller writes them. */
  async render(article: Article, formats: readonly ExportFormat[]): Promise<{ files: ExportFile[]; warnings: ExportWarning[] }> {
    const warnings: ExportWarning[] = [];
    const ids = photoIdsIn(article.body);
    const doc = prepareExport(article, this.library.currentSettings, await this.library.photoInfos(ids));
    const done = new Map<ExportFormat, Promise<ExportFile[]>>();
    const readVariant = async (id: string, variant: 'original' | 'preview') => {
      const file = await this.library.photos.file(id, variant);
      if (!file) throw new ApiError('exportFailed', `photo ${id} is missing`, { reason: 'photoMissing', id });
      return new Uint8Array(await readFile(file.path));
    };
    const ctx: ExportContext = {
      article,
      doc,
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
    let headline = this.library.summaryOf(id)?.headline ?? '';
    try {
      const gate = req.formats.some((f) => f !== 'pdf');
      const article = await this.library.forExport(id, req.actorId, req, req.formats.join(','), gate);
      headline = article.headline;
      const { files, warnings } = await this.render(article, req.formats);
      if (signal.aborted) throw new ApiError('cancelled', 'export cancelled');
      const day = (article.updatedAt || this.now().toISOString()).slice(0, 10);
      const folder = uniqueName(safeFileName(`${day} ${article.headline}`, `${day} ${id.slice(0, 8)}`), taken);
      taken.add(folder);
      await writeFolder(join(outDir, folder), files);
      return { id, headline, folder, files: files.map((f) => f.path).sort(), warnings, error: null };
    } catch (err) {
      return { id, headline, folder: '', files: [], warnings: [], error: toApiError(err).toJSON() };
    }
  }

  /** Reads and checks every file first; only a file that reads cleanly becomes an article. */
  async importFiles(actorId: string, files: { name: string; bytes: Uint8Array }[], job: Job): Promise<{ results: ImportResult[]; cancelled: boolean }> {
    const results: ImportResult[] = [];
    for (const [i, file] of files.entries()) {
      if (job.signal.aborted) return { results, cancelled: true };
      job.step(i, file.name);
      results.push(await this.importOne(actorId, file));
    }
    job.step(files.length, '');
    return { results, cancelled: false };
  }

  /** Reads a file into an article without touching the library (`copydesk import --dry-run`). */
  async read(file: { name: string; bytes: Uint8Array }): Promise<ImportedArticle> {
    const imported = await readImport(file.name, file.bytes);
    const checked = ArticleContentSchema.safeParse(imported.content);
    if (!checked.success) throw new ApiError('importFailed', `${file.name}: ${checked.error.message}`, { reason: 'schema', file: file.name });
    return { ...imported, content: checked.data };
  }

  private async importOne(actorId: string, file: { name: string; bytes: Uint8Array }): Promise<ImportResult> {
    try {
      const imported = await this.read(file);
      // Readers name their warnings briefly (`photosMissing`); the UI keeps them under `exchange.`.
      const warnings = imported.warnings.map((w) => ({ ...w, key: `exchange.${w.key.replace(/^(import|exchange)\./, '')}` }));
      // Photos go in first (by content hash, so a figure's photoId is already right); one the
      // library refuses leaves its figure waiting for a photo, with a warning, not a failed import.
      const refused = new Set<string>();
      for (const photo of imported.photos) {
        try {
          await this.library.importPhoto(photo.name, photo.bytes);
        } catch (err) {
          refused.add(photo.name);
          warnings.push({ key: 'exchange.photoRefused', values: { file: photo.name, reason: String(toApiError(err).params.reason ?? '') } });
        }
      }
      const content = refused.size ? await dropMissingPhotos(imported, this.library) : imported.content;
      const article = await this.library.createImported(actorId, content, `${file.name} (${imported.format})`, imported.original?.corrections ?? []);
      return { name: file.name, articleId: article.id, headline: article.headline, format: imported.format, warnings, error: null };
    } catch (err) {
      return { name: file.name, articleId: null, headline: '', format: '', warnings: [], error: toApiError(err).toJSON() };
    }
  }
}

/** Figures whose photo did not make it into the library keep their caption and wait for a photo. */
async function dropMissingPhotos(imported: ImportedArticle, library: Library): Promise<ImportedArticle['content']> {
  const present = new Set((await library.photoInfos(photoIdsIn(imported.content.body))).map((p) => p.id));
  const body = JSON.parse(JSON.stringify(imported.content.body)) as ImportedArticle['content']['body'];
  const walk = (node: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }) => {
    if (node.type === 'figure' && node.attrs && typeof node.attrs.photoId === 'string' && !present.has(node.attrs.photoId)) node.attrs.photoId = '';
    (node.content as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(body);
  return { ...imported.content, body };
}

/** Writes all files into `<folder>.partial`, then swaps it in: an interrupted export leaves the old folder or none. */
async function writeFolder(folder: string, files: ExportFile[]): Promise<void> {
  const partial = `${folder}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(partial, file.path);
      if (!path.startsWith(partial + sep)) throw new ApiError('exportFailed', `unsafe path ${file.path}`, { reason: 'writeFailed' });
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.bytes);
    }
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
  } catch (err) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}
