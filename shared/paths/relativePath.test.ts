import { describe, expect, it } from 'vitest';
import { relativePathProblem } from './relativePath';

describe('a relative path inside a folder', () => {
  it('takes plain relative paths in forward slashes', () => {
    for (const path of ['article.json', 'photos/photo-01.jpg', 'assets/index-3f2a.js', '.copydesk-export.json', '..hidden', 'a..b/c', '기사/사진.jpg']) {
      expect(relativePathProblem(path), path).toBeNull();
    }
  });

  it('refuses every way out of the folder, and names the reason', () => {
    const cases: [string, string][] = [
      ['', 'length'],
      ['a'.repeat(256), 'length'],
      ['..\\..\\win.ini', 'backslash'],
      ['photos\\x.jpg', 'backslash'],
      ['/etc/passwd', 'absolute'],
      ['C:/Windows/win.ini', 'drive'],
      ['c:x', 'drive'],
      ['a\u0000b', 'control'],
      ['a\nb', 'control'],
      ['../x', 'traversal'],
      ['a/../../x', 'traversal'],
      ['..', 'traversal'],
      ['./x', 'traversal'],
      ['a//b', 'traversal'],
      ['a/', 'traversal'],
    ];
    for (const [path, reason] of cases) expect(relativePathProblem(path), JSON.stringify(path)).toBe(reason);
  });
});
