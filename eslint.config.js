// Lint is the style guide: it enforces the dependency rule of shared/docs/STYLE.md.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layerRule = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['**/tmp-*', 'node_modules/', 'dist/', 'dist-electron/', 'renderer/dist/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: layerRule('Bad layering: core/ never imports Electron, React or the shells (main, preload, renderer).', [
      'electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', '**/main/**', '**/preload/**', '**/renderer/**',
    ]),
  },
  {
    files: ['core/api/**/*.ts'],
    rules: layerRule('Bad layering: core/api is the contract shared with the renderer — zod and types only, no node: modules, no services.', [
      'node:*', '../db/*', '../host/*', '../projects/*', '../audit/*', '../server/*', '../cli/*',
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layerRule('Bad layering: the renderer talks to the core only through core/api types and a DihyaClient.', [
      'node:*', 'electron', 'better-sqlite3', 'kysely', '**/main/**', '**/preload/**', '**/core/**', '!**/core/api', '!**/core/api/**',
    ]),
  },
  {
    files: ['preload/**/*.ts'],
    rules: layerRule('Bad layering: preload exposes a typed bridge and nothing else.', ['node:*', '**/main/**', '**/renderer/**', '**/core/**', '!**/core/api', '!**/core/api/**']),
  },
  {
    files: ['main/**/*.ts'],
    rules: layerRule('Bad layering: main/ is a transport; it reaches the core through core/host and core/api.', ['**/renderer/**', '**/preload/**', '**/core/db/**', '**/core/projects/**']),
  },
  {
    // Transport contract tests wire a real core to a shell's client; only they may cross layers.
    files: ['**/*.contract.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
