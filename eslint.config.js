import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import checkFile from 'eslint-plugin-check-file';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const featureZones = ['apps', 'environments', 'deployments', 'settings', 'session', 'navigation', 'profiles', 'health', 'diff', 'fleet', 'metrics', 'access', 'pipelines', 'clone'];
// Heavy libraries are wrapped once, lazily, in src/components/editors (CodeEditor, SchemaForm, DiffView).
const heavyLibs = { group: ['@rjsf/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/*', 'diff2html', 'diff2html/*'], message: 'Use CodeEditor / SchemaForm / DiffView / DiffEditor from src/components/editors: @rjsf, Monaco and diff2html load only where needed.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'src/api/schema*.ts', 'test-results', 'playwright-report', 'e2e/.output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'check-file': checkFile },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'check-file/filename-naming-convention': [
        'error',
        { '{src,mocks,e2e}/**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { '{src,mocks,e2e}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    // Features never import each other; shared code never imports features or app.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/mocks/**', '../../mocks/*'], message: 'src only reaches mocks/ through main.tsx and the test setup.' },
            heavyLibs,
          ],
        },
      ],
    },
  },
  ...featureZones.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: featureZones.filter((f) => f !== feature).map((f) => `@/features/${f}/*`),
              message: 'Features never import each other: compose them in a route.',
            },
            { group: ['@/app/*'], message: 'Features never import the app layer.' },
            heavyLibs,
          ],
        },
      ],
    },
  })),
  {
    files: ['src/{components,hooks,lib,api,config}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/*', '@/app/*'], message: 'Shared code never imports features or the app.' }, heavyLibs] },
      ],
    },
  },
  {
    files: ['src/components/editors/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/*', '@/app/*'], message: 'Shared code never imports features or the app.' }] },
      ],
    },
  },
  {
    // The engine is a sealed, framework-free package.
    files: ['mocks/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['msw', 'msw/*', 'react', 'react-*', '@/*', '../handlers/*', '../../src/*'], message: 'mocks/engine is pure TypeScript: no MSW, React, DOM or src imports.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'navigator'],
    },
  },
  {
    files: ['src/main.tsx', 'src/testing/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
