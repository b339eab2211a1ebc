// Where the renderer asks for a stored photo's file. The one place a media URL is built: a figure
// still waiting for its photo (photoId '', as web-copy imports make them) has no URL at all, so
// nothing ever requests `/media//thumb` (the host refuses it: a 403 and a broken image).
import { isPhotoId } from '../model/photo';

/** The files the media scheme serves for each photo (core/media/mediaPath.ts reads them back). */
export type PhotoFileVariant = 'original' | 'preview' | 'thumb';

/** `media://photo/<id>/<variant>` in Electron, `/media/<id>/<variant>` in the browser host; null without a photo. */
export function photoUrl(mediaBase: string, photoId: unknown, variant: PhotoFileVariant): string | null {
  return isPhotoId(photoId) ? `${mediaBase}${photoId}/${variant}` : null;
}
