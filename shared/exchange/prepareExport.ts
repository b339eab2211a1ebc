// The article as every format sees it: notes, TKs and the note to the desk gone, the byline
// rendered in house style, figures joined to their photos, photos given safe file names.
import type { Article } from '../model/article';
import { PHOTO_FORMATS, type PhotoInfo } from '../model/photo';
import type { Settings } from '../model/settings';
import { pickTemplate, renderByline, signOff, usesDateline } from '../byline/renderByline';
import { figuresIn } from '../photos/figures';
import { stripNotes } from '../workflow/notes';
import { bodyBlocks } from './blocks';
import type { ExportArticle, ExportFigure, ExportPhoto } from './types';


export function photoFileType(format: string): { mime: string; ext: string } {
  return PHOTO_FORMATS[format.toLowerCase()] ?? { mime: 'application/octet-stream', ext: 'bin' };
}

export function prepareExport(article: Article, settings: Settings, photoInfos: readonly PhotoInfo[]): ExportArticle {
  const body = stripNotes(article.body);
  const byId = new Map(photoInfos.map((p) => [p.id, p]));
  const photos: ExportPhoto[] = [];
  const photoFor = (id: string): ExportPhoto | null => {
    const info = byId.get(id);
    if (!info) return null;
    let photo = photos.find((p) => p.id === id);
    if (!photo) {
      const type = photoFileType(info.format);
      photo = {
        id,
        fileName: `photo-${String(photos.length + 1).padStart(2, '0')}.${type.ext}`,
        mimeType: type.mime,
        width: info.width,
        height: info.height,
        metadata: info.metadata,
      };
      photos.push(photo);
    }
    return photo;
  };
  const figures: ExportFigure[] = figuresIn(body).map((f) => ({ photoId: f.photoId, caption: f.caption, credit: f.credit, alt: f.alt, photo: f.photoId ? photoFor(f.photoId) : null }));
  const template = pickTemplate(settings, article.byline, article.language);
  const bylineText = renderByline(article.byline, template, article.dateline);
  return {
    id: article.id,
    language: article.language,
    status: article.status,
    revision: article.revision,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    kicker: article.kicker.trim(),
    headline: article.headline.trim(),
    deck: article.deck.map((d) => d.trim()).filter(Boolean),
    byline: article.byline,
    bylineText,
    signOff: signOff(article.byline),
    dateline: article.dateline.trim(),
    datelineInByline: bylineText !== '' && article.dateline.trim() !== '' && usesDateline(template),
    tags: article.tags,
    embargo: article.embargo,
    corrections: article.corrections,
    blocks: bodyBlocks(body),
    figures,
    photos,
    creditPattern: settings.photos.creditPattern[article.language],
  };
}
