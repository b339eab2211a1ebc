import { describe, expect, it } from 'vitest';
import { photoUrl } from './photoUrl';

const ID = 'a'.repeat(64);

describe('photoUrl', () => {
  it('builds the media URL of a stored photo on either host', () => {
    expect(photoUrl('/media/', ID, 'thumb')).toBe(`/media/${ID}/thumb`);
    expect(photoUrl('media://photo/', ID, 'preview')).toBe(`media://photo/${ID}/preview`);
  });

  it('gives no URL for a figure still waiting for its photo, or for anything that is not a photo id', () => {
    for (const id of ['', undefined, null, 'abc', '../../etc/passwd', `${ID}/x`, ID.toUpperCase()]) {
      expect(photoUrl('/media/', id, 'thumb')).toBeNull();
    }
  });
});
