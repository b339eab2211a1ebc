// The only way a photo reaches the renderer: `<base><id>/<variant>`, where the id is the photo's
// content hash. Anything else is refused, so no request can name a path on disk.
import { PhotoIdSchema } from '../../shared/model/photo';
import type { PhotoVariant } from './PhotoStore';

export function parseMediaPath(path: string): { id: string; variant: PhotoVariant } | null {
  const m = /^\/?([^/]+)\/(original|preview|thumb)$/.exec(path);
  if (!m || !PhotoIdSchema.safeParse(m[1]).success) return null;
  return { id: m[1], variant: m[2] as PhotoVariant };
}
