// Lint rules that keep the house rules of ../shared/DESIGN.md: shared/ is pure TypeScript,
// the renderer never reaches into the main process, and only main.ts/preload.ts touch Electron.
// Project imports follow per-folder allowlists (house/allowed-imports); do not relax them.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { allowedImports } from './eslint-rules/allowed-imports.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const house = { rules: { 'allowed-imports': allowedImports } };
/** Each layer and the only project folders (or index files) it may import from. */
const hostCommon = ['electron/backend/index', 'electron/security/', 'shared/'];
const layers = [
  { layer: 'shared/', files: ['shared/**/*.ts'], allow: ['shared/'] },
  { layer: 'The backend', files: ['electron/backend/**/*.ts'], allow: ['electron/backend/', 'shared/', 'electron/sandbox/index'] },
  { layer: 'The sandbox', files: ['electron/sandbox/**/*.ts'], allow: ['electron/sandbox/', 'shared/'] },
  { layer: 'electron/security', files: ['electron/security/**/*.ts'], allow: ['electron/security/', 'shared/'] },
  { layer: 'The Electron host', files: ['electron/main.ts', 'electron/main/**/*.ts'], allow: ['electron/main/', ...hostCommon] },
  { layer: 'The preload', files: ['electron/preload.ts'], allow: ['shared/'] },
  { layer: 'The browser host', files: ['electron/web.ts', 'electron/web/**/*.ts'], allow: ['electron/web/', ...hostCommon] },
  { layer: 'The command line', files: ['electron/cli.ts', 'electron/cli/**/*.ts'], allow: ['electron/cli/', ...hostCommon] },
  // One file, one exception: the CLI starts the script process before it loads the backend
  // (whose index would load everything), so this file alone may reach the sandbox's starter.
  { layer: 'The command line (early script start)', files: ['electron/cli/early-scripts.ts'], allow: ['electron/cli/', ...hostCommon, 'electron/backend/scripts/script-sandbox'] },
  { layer: 'The renderer', files: ['renderer/**/*.{ts,tsx}'], allow: ['renderer/', 'shared/'] },
];

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronOnlyHere = ['electron/main.ts', 'electron/preload.ts'];

const noElectron = { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts may import electron; pass what you need in.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'bench/results/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: electronOnlyHere,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node modules.' }))],
          patterns: [{ group: ['react', 'react-dom', 'react-dom/*'], message: 'shared/ is UI-free.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'HTMLElement'].map((name) => ({ name, message: 'shared/ must not use DOM-only globals.' })),
        ...['Buffer', 'process', '__dirname', '__filename', 'require', 'global'].map((name) => ({ name, message: 'shared/ must not use Node-only globals.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a web page: no Node modules.' }))],
        },
      ],
    },
  },
  ...layers.map(({ layer, files, allow }) => ({
    files,
    plugins: { house },
    rules: { 'house/allowed-imports': ['error', { root, allow, layer }] },
  })),
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
