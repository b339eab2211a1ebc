import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileForUrlPath, isInside, joinInside } from './insideFolder';
import { mimeTypeOf } from './mimeTypes';

const root = resolve('/srv/renderer');

describe('the path-traversal guard', () => {
  it('isInside: the folder and what is under it, never a neighbour with the same prefix or a parent', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, join(root, 'assets', 'a.js'))).toBe(true);
    expect(isInside(root, join(root, '..hidden'))).toBe(true);
    expect(isInside(root, `${root}-other`)).toBe(false);
    expect(isInside(root, resolve(root, '..'))).toBe(false);
    expect(isInside(root, resolve('/etc/passwd'))).toBe(false);
  });

  it('joinInside: a relative name joins onto the folder; one that could leave it gives null', () => {
    expect(joinInside(root, 'photos/photo-01.jpg')).toBe(join(root, 'photos', 'photo-01.jpg'));
    for (const name of ['../x', 'a/../../x', '/etc/passwd', '..\\x', 'C:/x', '', 'a\u0000b']) expect(joinInside(root, name), JSON.stringify(name)).toBeNull();
  });

  it('fileForUrlPath: decodes, then refuses encoded dot segments, backslashes and NUL; `/` is the index only when asked', () => {
    expect(fileForUrlPath(root, '/assets/index-3f2a.js')).toBe(join(root, 'assets', 'index-3f2a.js'));
    expect(fileForUrlPath(root, '/%EA%B8%B0%EC%82%AC.png')).toBe(join(root, '기사.png'));
    expect(fileForUrlPath(root, '/', 'index.html')).toBe(join(root, 'index.html'));
    expect(fileForUrlPath(root, '/')).toBeNull();
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc%2fpasswd', '/..%5c..%5cwin.ini', '/a%00b', '/%E0%A4%A', '//etc/passwd/..']) {
      expect(fileForUrlPath(root, path), path).toBeNull();
    }
  });
});

describe('the MIME table', () => {
  it('gives app:// and the browser host the same types, modules and the icon included', () => {
    expect(mimeTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('favicon.ico')).toBe('image/x-icon');
    expect(mimeTypeOf('FONT.WOFF2')).toBe('font/woff2');
    expect(mimeTypeOf('archive.zip')).toBe('application/octet-stream');
  });
});
