/**
 * Lint. Import boundaries (layers, feature isolation, the engine seal, cycles)
 * live in `.dependency-cruiser.cjs`, which `npm run lint` also runs; here are
 * the rules that need syntax: heavy libraries only through their wrappers,
 * query keys only in the query layer, panel, table and dialog markup only
 * through the UI primitives, the engine free of browser globals. Each rule
 * has a fixture that must fail in `mocks/scripts/lint-rules.test.ts`.
 */
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import checkFile from 'eslint-plugin-check-file';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Heavy libraries are wrapped once, lazily, in src/components/editors (CodeEditor, SchemaForm, DiffView).
const heavyLibs = {
  group: [
    '@rjsf/*',
    'monaco-editor',
    'monaco-editor/*',
    '@monaco-editor/*',
    'diff2html',
    'diff2html/*',
  ],
  message:
    'Use CodeEditor / SchemaForm / DiffView / DiffEditor from src/components/editors: @rjsf, Monaco and diff2html load only where needed.',
};

// Dialogs are built once, on Radix, in src/components/ui (Modal, FormDialog, ConfirmDialog, SidePanel) and the
// shell's drawer: one focus trap, one way to name, describe and close a dialog.
const dialogLibs = {
  group: ['@radix-ui/react-dialog', '@radix-ui/react-alert-dialog'],
  message:
    'Use Modal, FormDialog or ConfirmDialog from src/components/ui instead of the dialog library.',
};

// Query keys are made in one place: the query layer's key factories.
const queryKeyRule = {
  selector: "Property[key.name='queryKey']",
  message:
    'Query keys come from the query layer (src/api/queries): use its query options, key factories or filters.',
};

// The repeated shapes of the UI (panels, tables, dialogs) are written once, in src/components/ui: their classes
// (`panel`, `panel__body`, `dialog--wide`, `dialog-overlay`…) appear nowhere else.
const primitiveClass =
  '(^|\\s)(panel|side-panel|data-table|form-dialog|dialog)((__|--)[a-z-]+|-overlay)?(\\s|$)';
const primitiveClassRule = {
  selector: `JSXAttribute[name.name='className'] :matches(Literal[value=/${primitiveClass}/], TemplateElement[value.raw=/${primitiveClass}/])`,
  message:
    'Use Panel, DataTable, FormDialog, ConfirmDialog or Modal from src/components/ui instead of writing their markup out.',
};

// Features and routes write no table out: DataTable gives the caption, header row, empty state and narrow-screen scroller.
const rawTableRule = {
  selector: "JSXOpeningElement[name.name='table']",
  message:
    'Use DataTable from src/components/ui instead of writing a <table> out (caption, header row, empty state and the scroller for narrow screens).',
};

const rawHtmlRule = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message:
    "Never render an HTML string: render text, or mount nodes a sanitizer returned (see DiffView, which mounts DOMPurify's fragment).",
};

// Files whose content is generated (`npm run gen`): excluded by configuration, never by inline disables.
const generated = [
  'src/api/schema.ts',
  'src/api/schema-extensions.ts',
  '**/*.gen.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      'e2e/.output',
      ...generated,
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'check-file': checkFile },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'check-file/filename-naming-convention': [
        'error',
        { '{src,mocks,e2e}/**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{src,mocks,e2e}/**/': 'KEBAB_CASE' },
      ],
    },
  },
  {
    // One definition of each restricted rule per file: a later block would replace an earlier one, not add to it.
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['src/components/editors/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [heavyLibs] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/components/**',
      'src/main.tsx',
      'src/testing/**',
      '**/*.test.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [heavyLibs, dialogLibs] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/queries/**', 'src/components/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        queryKeyRule,
        primitiveClassRule,
        rawTableRule,
        rawHtmlRule,
      ],
    },
  },
  {
    // Shared components below the primitives (editors' widgets, the diff, charts) may build their own tables.
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['src/components/ui/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        queryKeyRule,
        primitiveClassRule,
        rawHtmlRule,
      ],
    },
  },
  {
    files: ['src/components/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', queryKeyRule, rawHtmlRule] },
  },
  {
    // The engine is pure TypeScript, run in Node and in the browser alike.
    files: ['mocks/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'fetch',
        'navigator',
      ],
    },
  },
);
