// The package's table of contents, `manifest.json`: which article it holds, every other file with
// its size and SHA-256 (so a damaged or altered package is refused), and which packaged photo is
// which library photo. Paths inside the zip follow shared/paths/relativePath.ts, writing and reading.
import { z } from 'zod';
import { PhotoIdSchema } from '../../../shared/model/photo';

export const PACKAGE_FORMAT = 'copydesk-package';
export const PACKAGE_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const ARTICLE_PATH = 'article.json';

const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'sha256');

export const ManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  createdAt: z.iso.datetime(),
  article: z.object({ id: z.string(), headline: z.string(), language: z.string() }),
  /** Every file in the package except the manifest itself. */
  files: z.array(z.object({ path: z.string().min(1).max(255), bytes: z.number().int().nonnegative(), sha256: Sha256 })).max(500),
  /**
   * `path`: the photo with caption and credit written in (for the receiving desk); `original`: the
   * untouched file, whose SHA-256 is `id`, so an import keeps the photo's library id and the
   * figures that point at it.
   */
  photos: z.array(z.object({ id: PhotoIdSchema, path: z.string(), original: z.string() })).max(500),
});
export type Manifest = z.infer<typeof ManifestSchema>;
