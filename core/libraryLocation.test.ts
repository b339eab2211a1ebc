import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, resolveLibraryDir } from './libraryLocation';

describe('library location', () => {
  it('follows each OS app-data convention', () => {
    expect(defaultLibraryDir('linux', {}, '/home/k')).toBe('/home/k/.config/Copydesk/Library');
    expect(defaultLibraryDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/k')).toBe('/x/Copydesk/Library');
    expect(defaultLibraryDir('darwin', {}, '/Users/k')).toBe('/Users/k/Library/Application Support/Copydesk/Library');
    expect(defaultLibraryDir('win32', { APPDATA: 'C:\\U\\AppData\\Roaming' }, 'C:\\U')).toContain('Copydesk');
  });

  it('prefers --library, then COPYDESK_LIBRARY, then the default', () => {
    const env = { COPYDESK_LIBRARY: 'env-lib' };
    expect(resolveLibraryDir(['--library', 'cli-lib'], env, 'linux', '/h', '/cwd')).toBe('/cwd/cli-lib');
    expect(resolveLibraryDir(['--library=/abs'], env, 'linux', '/h', '/cwd')).toBe('/abs');
    expect(resolveLibraryDir([], env, 'linux', '/h', '/cwd')).toBe('/cwd/env-lib');
    expect(resolveLibraryDir([], {}, 'linux', '/h', '/cwd')).toBe('/h/.config/Copydesk/Library');
  });
});
