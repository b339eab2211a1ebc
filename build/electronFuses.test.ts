// The packaged app's Electron fuses: electron-builder flips them from `electronFuses` in the
// builder config, right before signing. No installer is built here (that downloads Electron), so
// the config goes through electron-builder's own translation and @electron/fuses' own flipping,
// onto a stand-in binary that carries Electron's fuse wire with Electron's defaults.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { PlatformPackager } from 'app-builder-lib';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'build', 'electron-builder.json'), 'utf8'));

/** Electron's defaults: run-as-node, NODE_OPTIONS, --inspect and file:// privileges on; the rest off. */
const ELECTRON_DEFAULTS = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];

describe('Electron fuses', () => {
  it('turns off Node entry points and turns on cookie encryption, asar integrity and asar-only loading', () => {
    expect(config.electronFuses).toEqual({
      // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node for any script.
      runAsNode: false,
      // NODE_OPTIONS (--require, --import) and --inspect would let anyone inject code into the main process.
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      // Only the app.asar, checked against its hash (macOS and Windows), is ever loaded.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true); // asar-only loading needs the app in an asar
  });

  it('names only fuses electron-builder knows, by its schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

  it('flips those fuses in the binary through electron-builder and @electron/fuses', async () => {
    // electron-builder's own step from `electronFuses` to @electron/fuses' config (private, hence the cast).
    const translate = (PlatformPackager.prototype as unknown as { generateFuseConfig: (fuses: unknown) => Promise<FuseConfig> }).generateFuseConfig;
    const fuseConfig = await translate.call(null, config.electronFuses);
    expect(fuseConfig.version).toBe(FuseVersion.V1);
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-fuses-'));
    try {
      const binary = join(dir, 'copydesk');
      const wire = Buffer.from([Number(FuseVersion.V1), ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]);
      await writeFile(binary, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0x90)]));
      await flipFuses(binary, fuseConfig);
      const flipped = (await getCurrentFuseWire(binary)) as unknown as Record<number, FuseState>;
      expect(flipped[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(flipped[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(flipped[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(flipped[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      expect(flipped[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(flipped[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      // Fuses not named keep Electron's default.
      expect(flipped[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
