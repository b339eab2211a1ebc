// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { dataUrlFile } from './dataUrlFile';

describe('dataUrlFile', () => {
  it('turns a base64 image data URL into a named file with its bytes', async () => {
    const file = dataUrlFile('data:image/png;base64,iVBORw0KGgo=', 'pasted-1');
    expect(file?.name).toBe('pasted-1.png');
    expect(file?.type).toBe('image/png');
    expect([...new Uint8Array(await file!.arrayBuffer())].slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('refuses what is not a base64 image', () => {
    expect(dataUrlFile('data:text/html;base64,PHA+', 'x')).toBeNull();
    expect(dataUrlFile('blob:https://example.com/1', 'x')).toBeNull();
    expect(dataUrlFile('data:image/svg+xml,<svg onload=alert(1)>', 'x')).toBeNull();
  });
});
