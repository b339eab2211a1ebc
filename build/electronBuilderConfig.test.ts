// electron-builder cannot build installers here (it downloads Electron and its tools), so its
// config is checked against electron-builder's own JSON schema, and the icon against what the
// installers need: a square PNG of at least 512 px that matches what makeIcon.ts draws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderIcon } from './makeIcon';

const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'build', 'electron-builder.json'), 'utf8'));

describe('electron-builder config', () => {
  it('is valid against electron-builder’s schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...config, linux: { target: 42 } })).toBe(false); // the schema does reject nonsense
  });

  it('builds Linux AppImage and deb, macOS dmg and Windows nsis from the built app', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.files).toContain('out/**');
    // sharp's native libvips cannot load from inside an asar archive.
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toMatch(/^out\//);
    expect(pkg.scripts.dist).toContain('--config build/electron-builder.json');
  });

  it('has a 512×512 RGBA PNG icon, up to date with its generator', () => {
    const png = readFileSync(join(root, config.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6); // colour type RGBA
    expect(png.equals(renderIcon())).toBe(true);
  });
});
