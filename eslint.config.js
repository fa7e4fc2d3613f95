// Lint, including the layering rules of STYLE.md: shared/ imports no Node, DOM or Electron;
// renderer/ imports only shared/ (and its UI libraries); electron/ never imports renderer/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'util',
  'events',
  'stream',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='only'][object.name=/^(it|test|describe)$/]",
          message: 'No .only in tests.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'bin/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS files (the CLI bundle's stubs) load modules with require: that is what CommonJS is.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'electron/*'],
              message: 'shared/ is pure TypeScript: no Node, no Electron.',
            },
            {
              group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ imports nothing from the other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'electron/*'],
              message: 'The renderer is sandboxed: no Node, no Electron.',
            },
            { group: ['**/electron/**'], message: 'renderer/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }] },
      ],
    },
  },
  {
    // Electron's API belongs to the shell: services, IPC handlers, the CLI and the simulator run under plain Node.
    // Types may be imported anywhere (they vanish at build time); values only in the shell, main.ts and the preload.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**', 'electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Electron values only in electron/shell/ and main.ts.',
            },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' },
            {
              group: ['electron-store', 'electron/*'],
              message: 'Electron values only in electron/shell/ and main.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Raw IPC in exactly one file per side (docs/style.md §2): validated-ipc-main.ts (given ipcMain by main.ts) and
    // the preload.
    files: ['electron/**/*.ts'],
    ignores: ['electron/ipc/validated-ipc-main.ts', 'electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^(ipcMain|ipcRenderer|contextBridge)$/]',
          message: 'ipcMain, ipcRenderer and contextBridge are used in their one file each.',
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // How import-x reads the files it follows (without it, it cannot see a cycle through TypeScript).
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.shared.json', 'tsconfig.test.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      // Runtime cycles; test/unit/shared/import-cycles.test.ts also refuses type-only ones.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
    },
  },
  {
    // One job per file and per function (docs/style.md): over 400 lines or 120 is a file or function to split.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'build/**/*.mjs', 'test/runner/**/*.mjs'],
    rules: {
      'max-lines': ['error', 400],
      'max-lines-per-function': ['error', 120],
    },
  },
);
