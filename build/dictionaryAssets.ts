// The Hunspell dictionaries go out with the renderer (dictionaries/ko.aff, …), so the checking
// worker reads them from the app itself, offline, in Electron and in the browser host alike. They
// come from the npm packages dictionary-ko and dictionary-en, read where Node resolves them.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const DICTIONARY_PACKAGES = { ko: 'dictionary-ko', en: 'dictionary-en' } as const;

/** Where a dictionary package's files are (its package.json is not exported, its main is). */
export function dictionaryDir(pkg: string): string {
  return dirname(createRequire(import.meta.url).resolve(pkg));
}

export function dictionaryAssets(): Plugin {
  return {
    name: 'copydesk:dictionary-assets',
    apply: 'build',
    async generateBundle() {
      for (const [language, pkg] of Object.entries(DICTIONARY_PACKAGES)) {
        for (const ext of ['aff', 'dic']) {
          this.emitFile({ type: 'asset', fileName: `dictionaries/${language}.${ext}`, source: await readFile(join(dictionaryDir(pkg), `index.${ext}`)) });
        }
      }
    },
  };
}
