// Serves the built renderer from app://copydesk/ (never file://), with the CSP as a header, and
// refuses any path that would leave the renderer folder.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { fileForUrlPath } from '../../core/files/insideFolder';
import { mimeTypeOf } from '../../core/files/mimeTypes';

export const APP_SCHEME = 'app';
export const APP_HOST = 'copydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The file an app:// URL names inside `root`, or null if it is not ours or tries to escape. */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return fileForUrlPath(root, parsed.pathname, 'index.html');
}

export async function appResponse(root: string, url: string): Promise<Response> {
  const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
  const file = resolveAppPath(root, url);
  if (!file) return new Response('Forbidden', { status: 403, headers });
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': mimeTypeOf(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

/** Must run before the app is ready; registers app:// and media:// together (a second call would replace the first). */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the app's compiled script between launches (Electron does so for http(s)
    // only unless a scheme asks), so a start after the first skips compiling it before the library shows.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: 'media', privileges: { standard: true, secure: true, stream: true } },
  ]);
}

export function serveApp(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url));
}
