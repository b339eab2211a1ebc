// What a file's name says about it being a photo. Used where files are picked or dropped (which
// files a folder import tries, which are refused before being read) and where the core refuses a
// file whose bytes are no image: a `.txt` is simply "not an image"; a `.jpg` holding text is the
// case worth its own sentence ("named like a photo, but is not one").
import type { PhotoRejectReason } from '../model/photo';

const IMAGE_EXTENSION = /\.(jpe?g|jfif|png|webp|gif|tiff?|avif|heic|heif|svg)$/i;
/** A name that ends in an extension at all (`DSC0001` from a card reader has none). */
const ANY_EXTENSION = /\.[a-z0-9]{1,8}$/i;

export function hasImageExtension(name: string): boolean {
  return IMAGE_EXTENSION.test(name);
}

/** True when the name and the type the browser gave both say "not an image": refused unread. */
export function isClearlyNotImage(file: { name: string; type: string }): boolean {
  return !file.type.startsWith('image/') && ANY_EXTENSION.test(file.name) && !hasImageExtension(file.name);
}

/** The refusal for a file whose bytes are no image, by what its name claimed. */
export function notImageReason(name: string): Extract<PhotoRejectReason, 'notImage' | 'imageNameOnly'> {
  return hasImageExtension(name) ? 'imageNameOnly' : 'notImage';
}
