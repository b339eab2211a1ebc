// Lint enforces the runtime boundaries from ENGINEERING.md, so a wrong import fails `npm test`
// instead of failing at run time in a process that cannot load it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'stream', 'worker_threads'];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      [[...nodeBuiltins, 'electron', 'react', 'react-dom', 'react/*', '@tiptap/*', '**/electron/**', '**/renderer/**']],
      'shared/ is plain TypeScript: no Node, DOM, React, TipTap or electron.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: restrict([[...nodeBuiltins, 'electron', '**/electron/**']], 'The renderer talks only to window.copydesk: no electron or Node.'),
  },
  {
    files: ['core/**/*.ts', 'host/**/*.ts', 'cli/**/*.ts'],
    rules: restrict([['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**']], 'Core services and the browser host never import electron.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: restrict([[...nodeBuiltins, '**/core/**', '**/renderer/**', 'react', 'react-dom']], 'The preload exposes the contract only.'),
  },
);
