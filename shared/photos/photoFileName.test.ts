import { describe, expect, it } from 'vitest';
import { hasImageExtension, isClearlyNotImage, notImageReason } from './photoFileName';

describe('what a file name says about a photo', () => {
  it('refuses non-image bytes by what the name claimed', () => {
    expect(notImageReason('notes.txt')).toBe('notImage');
    expect(notImageReason('보도자료.pdf')).toBe('notImage');
    expect(notImageReason('DSC0001')).toBe('notImage');
    expect(notImageReason('notes.jpg')).toBe('imageNameOnly');
    expect(notImageReason('IMG_0001.JPEG')).toBe('imageNameOnly');
  });

  it('knows image extensions in any case', () => {
    expect(hasImageExtension('a.JPG')).toBe(true);
    expect(hasImageExtension('a.tif')).toBe(true);
    expect(hasImageExtension('a.jpg.txt')).toBe(false);
  });

  it('refuses unread only what both name and type say is not an image', () => {
    expect(isClearlyNotImage({ name: 'notes.txt', type: 'text/plain' })).toBe(true);
    expect(isClearlyNotImage({ name: 'clip.mp4', type: 'video/mp4' })).toBe(true);
    expect(isClearlyNotImage({ name: 'notes.jpg', type: 'image/jpeg' })).toBe(false);
    // No extension, or an image type: the core looks at the bytes.
    expect(isClearlyNotImage({ name: 'DSC0001', type: '' })).toBe(false);
    expect(isClearlyNotImage({ name: 'scan.bin', type: 'image/png' })).toBe(false);
  });
});
