// Lint is the style guide: it enforces the dependency rule of shared/docs/STYLE.md.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// A layer's rule covers static imports (globs) and dynamic `import('…')` with a literal specifier
// (a regex over it; `\u002F` is `/`, which esquery's regex literals cannot hold).
const layerRule = (message, patterns, dynamic) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=/${dynamic}/]`, message }],
});
const CORE_GLOBS = ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', '**/main/**', '**/preload/**', '**/renderer/**'];
const CORE_DYNAMIC = String.raw`^(electron|react|react-dom)(\u002F|$)|\u002F(main|preload|renderer)\u002F`;

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
    rules: layerRule('Bad layering: core/ never imports Electron, React or the shells (main, preload, renderer).', CORE_GLOBS, CORE_DYNAMIC),
  },
  {
    files: ['core/api/**/*.ts'],
    // Replaces the core rule for these files, so it repeats the core's patterns.
    rules: layerRule(
      'Bad layering: core/api is the contract shared with the renderer — zod and types only, no node: modules, no services, no shells.',
      [...CORE_GLOBS, 'node:*', '../*', '!../api', '!../api/*', '!../common', '!../common/*'],
      String.raw`${CORE_DYNAMIC}|^node:|^\.\.\u002F(?!api\u002F|common\u002F)`,
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layerRule('Bad layering: the renderer talks to the core only through core/api types and a DihyaClient.', [
      'node:*', 'electron', 'better-sqlite3', 'kysely', '**/main/**', '**/preload/**', '**/core/**', '!**/core/api', '!**/core/api/**',
    ], String.raw`^node:|^(electron|better-sqlite3|kysely)$|\u002F(main|preload)\u002F|\u002Fcore\u002F(?!api(\u002F|$))`),
  },
  {
    files: ['preload/**/*.ts'],
    rules: layerRule('Bad layering: preload exposes a typed bridge and nothing else.', ['node:*', '**/main/**', '**/renderer/**', '**/core/**', '!**/core/api', '!**/core/api/**'], String.raw`^node:|\u002F(main|renderer)\u002F|\u002Fcore\u002F(?!api(\u002F|$))`),
  },
  {
    files: ['main/**/*.ts'],
    rules: layerRule('Bad layering: main/ is a transport; it reaches the core through core/host and core/api.', ['**/renderer/**', '**/preload/**', '**/core/db/**', '**/core/projects/**'], String.raw`\u002F(renderer|preload)\u002F|\u002Fcore\u002F(db|projects)\u002F`),
  },
  {
    // Transport contract tests wire a real core to a shell's client; only they may cross layers.
    files: ['**/*.contract.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
);
