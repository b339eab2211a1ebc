// The photo endpoints, all behind a session:
//   PUT  /api/photos/<sha256>[?name=file.jpg]   the original's bytes as the body (any type): { photo, existed }
//   GET  /api/photos/<sha256>                   its PhotoInfo (HEAD: 200 or 404, to upload only what is missing)
//   GET  /api/photos/<sha256>/original|preview|thumb   the bytes
//   POST /api/photos/missing { ids }            of these, the ones the server lacks
import { z } from 'zod';
import { ApiError } from '../../shared/contract/errors';
import { PHOTO_FORMATS, PhotoIdSchema } from '../../shared/model/photo';
import { callerOf, type RequestContext, type Route } from '../http/Route';
import { RawAnswer } from '../http/respond';
import type { PhotoService } from './PhotoService';

const MissingBody = z.strictObject({ ids: z.array(PhotoIdSchema).max(10_000) });
const SHA = /^[a-f0-9]{64}$/;

/** `<sha256>` or `<sha256>/<variant>` from the path; a malformed name is no photo. */
function target(ctx: RequestContext): { id: string; variant: string | null } {
  const [id, variant, ...more] = ctx.rest.split('/');
  if (!SHA.test(id) || more.length > 0) throw new ApiError('notFound', `no photo ${ctx.rest}`);
  return { id, variant: variant ?? null };
}

export function photoRoutes(photos: PhotoService): Route[] {
  return [
    { method: 'POST', path: '/api/photos/missing', handle: async (ctx) => ({ missing: await photos.missing((await ctx.body(MissingBody)).ids) }) },
    {
      method: 'PUT',
      path: '/api/photos',
      prefix: true,
      handle: async (ctx) => {
        const { id, variant } = target(ctx);
        if (variant !== null) throw new ApiError('invalidInput', 'upload to /api/photos/<sha256>');
        const name = new URL(ctx.req.url ?? '/', 'http://server').searchParams.get('name') ?? '';
        return photos.receive(ctx.req, id, name, callerOf(ctx).person.id);
      },
    },
    {
      method: 'GET',
      path: '/api/photos',
      prefix: true,
      handle: async (ctx) => {
        const { id, variant } = target(ctx);
        if (variant === null) return photos.info(id);
        if (variant === 'preview' || variant === 'thumb') return new RawAnswer(await photos.variant(id, variant), 'image/jpeg');
        if (variant !== 'original') throw new ApiError('notFound', `no ${variant} of a photo`);
        const info = await photos.info(id);
        return new RawAnswer(await photos.original(id), PHOTO_FORMATS[info.format]?.mime ?? 'application/octet-stream');
      },
    },
  ];
}
