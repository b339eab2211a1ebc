// Lint enforces the runtime boundaries from ENGINEERING.md, so a wrong import fails `npm test`
// instead of failing at run time in a process that cannot load it. Zones are drawn by folder: each
// import is resolved against its file and judged by where it lands (scripts/eslint/folderBoundaries.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from './scripts/eslint/folderBoundaries.js';

const root = import.meta.dirname;
/** Test files and their harnesses may read fixtures with Node and use vitest; their folder zones still hold. */
const tests = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'];
/**
 * Everything shared/ may import from npm: pure-JS parsers and schemas that run in every process (redos-detector: house-style import checks;
 * hunspell-asm: Hunspell in WebAssembly, fed dictionary bytes, for spelling in Node and the editor's worker alike).
 */
const sharedPackages = ['zod', 'marked', 'yaml', 'entities', 'diff', 'dompurify', 'fast-deep-equal', 'yjs', 'redos-detector', 'hunspell-asm'];
/** The dictionaries read their files with Node: the CLI loads them (cli/loadDictionaries.ts), and shared/'s spelling tests. */
const dictionaryPackages = ['dictionary-ko', 'dictionary-en'];
const uiPackages = ['electron', 'react', 'react-dom', '@tiptap/*'];

/** One zone: its files, what they may import, and the same with a test's allowances. */
const zone = (name, files, options, testOptions = options) => [
  { files, rules: { 'copydesk/boundaries': ['error', { root, zone: name, ...options }] } },
  { files: files.flatMap((f) => tests.map((t) => `${f.slice(0, f.indexOf('/**'))}/${t}`)), rules: { 'copydesk/boundaries': ['error', { root, zone: `${name} (tests)`, ...testOptions }] } },
];

const nodeZone = (name, files, options) => zone(name, files, options, { ...options, folders: { allow: [...options.folders.allow, 'testing'] } });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { copydesk: boundaries },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...zone(
    'shared/',
    ['shared/**'],
    { folders: { allow: ['shared'] }, packages: { allow: sharedPackages }, builtins: 'deny', why: 'shared/ is plain TypeScript for every process: no Node, DOM, React, TipTap or electron.' },
    // Export and import tests share the core's sample articles and ninjs validator, and the project's fixtures.
    { folders: { allow: ['shared', 'core/exchange/testing', 'testing'] }, packages: { allow: [...sharedPackages, ...dictionaryPackages, 'vitest'] }, builtins: 'allow' },
  ),
  // Tests of the plain-Node folders may also use the project's fixtures (testing/).
  ...nodeZone('core/', ['core/**'], { folders: { allow: ['core', 'shared'] }, packages: { deny: uiPackages }, builtins: 'allow', why: 'The core is plain Node: it never imports electron, the host, the CLI or the renderer.' }),
  ...nodeZone('host/', ['host/**'], { folders: { allow: ['host', 'core', 'shared'] }, packages: { deny: uiPackages }, builtins: 'allow', why: 'The browser host serves the core over HTTP without electron.' }),
  ...nodeZone('cli/', ['cli/**'], { folders: { allow: ['cli', 'core', 'shared', 'server'] }, packages: { deny: uiPackages }, builtins: 'allow', why: 'The CLI drives the core and starts the server without electron.' }),
  // package.json: the server reports its version on /healthz.
  // Its tests may also feed the search the benches' generated articles.
  ...zone(
    'server/',
    ['server/**'],
    { folders: { allow: ['server', 'core', 'shared', 'package.json'] }, packages: { deny: uiPackages }, builtins: 'allow', why: 'The newsroom server runs on plain Node: shared/ and core/, never electron, the renderer or the browser host.' },
    { folders: { allow: ['server', 'core', 'shared', 'package.json', 'testing', 'bench/library/generateArticles', 'bench/koreanText'] }, packages: { deny: uiPackages }, builtins: 'allow' },
  ),
  ...zone('electron/main/', ['electron/main/**'], { folders: { allow: ['electron/main', 'core', 'shared'] }, packages: { deny: ['react', 'react-dom', '@tiptap/*'] }, builtins: 'allow', why: 'The main process is glue between electron and the core.' }),
  ...zone(
    'electron/preload/',
    ['electron/preload/**'],
    { folders: { allow: ['electron/preload', 'shared/contract'] }, packages: { allow: ['electron'] }, builtins: 'deny', why: 'The preload exposes the contract only.' },
    { folders: { allow: ['electron/preload', 'shared/contract'] }, packages: { allow: ['electron', 'vitest'] }, builtins: 'allow' },
  ),
  ...zone(
    'renderer/',
    ['renderer/**'],
    { folders: { allow: ['renderer', 'shared'] }, packages: { deny: ['electron'] }, builtins: 'deny', why: 'The renderer talks only to window.copydesk: no electron or Node.' },
    // The counter test types the bench's Korean text; the proof-label test checks the core's PDF words against i18n.
    { folders: { allow: ['renderer', 'shared', 'bench/koreanText', 'core/exchange/export/proofBand'] }, packages: { deny: ['electron'] }, builtins: 'allow' },
  ),
);
