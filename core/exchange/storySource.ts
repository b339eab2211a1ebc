// Where export reads stories and import puts them: the machine's own library, or (for a folder
// bound to a newsroom) the server (core/newsroom/newsroomStories.ts). Export and import themselves
// (rendering, files, progress, refusals per file) are the same for both.
import type { Article, ArticleContent } from '../../shared/model/article';
import type { ExportFormat } from '../../shared/exchange/types';
import type { PhotoInfo } from '../../shared/model/photo';
import type { Settings } from '../../shared/model/settings';
import type { Library } from '../Library';

export interface ExportGate {
  override: boolean;
  note: string;
}

export interface StorySource {
  /** The house's settings (outlet, byline forms, photo rules) that shape what is written. */
  settings(): Settings;
  /** A story's headline without reading it, for naming a refusal; '' when unknown. */
  headlineOf(id: string): string;
  /** The story to export, once the embargo gate (`gate`: a published format) passed; the export is audited. */
  forExport(id: string, actorId: string, req: ExportGate, formats: ExportFormat[], gate: boolean): Promise<Article>;
  /** The version number holding this revision, for formats that carry one. */
  versionHolding(article: Pick<Article, 'id' | 'revision'>): Promise<number | null>;
  photoInfos(ids: readonly string[]): Promise<PhotoInfo[]>;
  photoFile(id: string, variant: 'original' | 'preview'): Promise<{ path: string } | null>;
  importPhoto(name: string, bytes: Uint8Array): Promise<{ photo: PhotoInfo; existed: boolean }>;
  /** Takes back a photo an import brought in when the import fails (a no-op where photos are shared). */
  removePhoto(id: string): Promise<void>;
  createImported(actorId: string, content: ArticleContent, source: string, corrections: Article['corrections']): Promise<Article>;
}

export function libraryStories(library: Library): StorySource {
  return {
    settings: () => library.currentSettings,
    headlineOf: (id) => library.summaryOf(id)?.headline ?? '',
    forExport: (id, actorId, req, formats, gate) => library.forExport(id, actorId, req, formats, gate),
    versionHolding: (article) => library.versionHolding(article),
    photoInfos: (ids) => library.photoInfos(ids),
    photoFile: (id, variant) => library.photos.file(id, variant),
    importPhoto: (name, bytes) => library.importPhoto(name, bytes),
    removePhoto: (id) => library.photos.remove(id),
    createImported: (actorId, content, source, corrections) => library.createImported(actorId, content, source, corrections),
  };
}
