// media://photo/<id>/<variant>: stored photos for the renderer, by opaque id, never file://.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { parseMediaPath } from '../../core/media/mediaPath';
import type { Core } from '../../core/createCore';

export const MEDIA_SCHEME = 'media';
export const MEDIA_BASE = `${MEDIA_SCHEME}://photo/`;

export async function mediaResponse(core: Pick<Core, 'mediaFile'>, url: string): Promise<Response> {
  const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Response('Bad request', { status: 400, headers });
  }
  const ref = parsed.protocol === `${MEDIA_SCHEME}:` && parsed.host === 'photo' ? parseMediaPath(parsed.pathname) : null;
  if (!ref) return new Response('Forbidden', { status: 403, headers });
  const file = await core.mediaFile(ref.id, ref.variant);
  if (!file) return new Response('Not found', { status: 404, headers });
  // Content-addressed: a photo's bytes never change under its id, so the renderer may cache forever.
  return new Response(await readFile(file.path), { status: 200, headers: { ...headers, 'content-type': file.type, 'cache-control': 'private, max-age=31536000, immutable' } });
}

export function serveMedia(protocol: Protocol, core: Pick<Core, 'mediaFile'>): void {
  protocol.handle(MEDIA_SCHEME, (request) => mediaResponse(core, request.url));
}
