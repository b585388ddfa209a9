/**
 * Import boundaries of the repository, run by `npm run lint` (and so by
 * `npm test`). Features are found by folder name, not listed; type imports
 * count. Each rule has a fixture that must fail in
 * `mocks/scripts/lint-rules.test.ts`. Engine tests may reach past the engine's
 * layers (set-up through another domain's internals, or the facade).
 *
 * Layers: src/app -> src/features/<feature> -> shared src (components, hooks,
 * lib, api, config, contract); mocks/handlers -> mocks/engine (index) ->
 * engine domains (index) -> mocks/engine/core. mocks/fixtures build demo data
 * through the engine's public index.
 */
const TESTS = '\\.test\\.tsx?$';
const SRC_SHARED = '^src/(components|hooks|lib|api|config|contract)/';
const SRC_FOR_MOCKS = [
  '^src/api/schema(-extensions)?\\.ts$',
  '^src/lib/json-schema/',
  // The Score schema the engine's Score conversion validates with (the samples beside it are Vite-only).
  '^src/lib/score/schema\\.ts$',
  '^src/contract/',
  // Runs a TypeScript entry from a cached bundle: the CLI's bin and `npm run api` (mocks/api.mjs).
  '^src/cli/bundle-cache\\.mjs$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycles, type imports included: a cycle is a layer that does not hold.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-mocks',
      comment:
        'src reaches mocks/ only through main.tsx and boot.ts (the demo) and the test set-up.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          '^src/main\\.tsx$',
          '^src/boot\\.ts$',
          '^src/testing/',
          TESTS,
        ],
      },
      to: { path: '^mocks/' },
    },
    {
      name: 'feature-isolation',
      comment:
        'Features never import each other: what several need lives in shared code; routes compose features.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'features-not-app',
      comment: 'Features never import the app layer (routes, shell).',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'shared-not-features',
      comment: 'Shared code never imports features or the app.',
      severity: 'error',
      from: { path: SRC_SHARED },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'mocks-use-the-contract',
      comment:
        'mocks/ uses only the generated API types, the JSON-schema validation and src/contract from src/.',
      severity: 'error',
      from: { path: '^mocks/', pathNot: TESTS },
      to: { path: '^src/', pathNot: SRC_FOR_MOCKS },
    },
    {
      name: 'engine-seal',
      comment:
        'mocks/engine is pure TypeScript: nothing of the mock server, persistence, fixtures or src (but the contract).',
      severity: 'error',
      from: { path: '^mocks/engine/', pathNot: TESTS },
      to: { path: ['^mocks/(?!engine/)', '^src/'], pathNot: SRC_FOR_MOCKS },
    },
    {
      name: 'engine-no-frameworks',
      comment:
        'mocks/engine runs in Node and in the browser: no MSW, React, persistence libraries or Node built-ins.',
      severity: 'error',
      from: { path: '^mocks/engine/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-no-framework-packages',
      severity: 'error',
      from: { path: '^mocks/engine/', pathNot: TESTS },
      to: {
        path: 'node_modules/(msw|react|react-dom|@tanstack|idb-keyval|@mswjs)/',
      },
    },
    {
      name: 'engine-core-at-the-bottom',
      comment: 'mocks/engine/core imports nothing above it.',
      severity: 'error',
      from: { path: '^mocks/engine/core/', pathNot: TESTS },
      to: { path: '^mocks/engine/', pathNot: '^mocks/engine/core/' },
    },
    {
      name: 'engine-domains-through-their-index',
      comment:
        'A domain imports another domain only through its public index.ts, never its internals.',
      severity: 'error',
      from: {
        path: '^mocks/engine/([^/]+)/',
        pathNot: ['^mocks/engine/core/', TESTS],
      },
      to: {
        path: '^mocks/engine/[^/]+/',
        pathNot: [
          '^mocks/engine/$1/',
          '^mocks/engine/core/',
          '^mocks/engine/[^/]+/index\\.ts$',
        ],
      },
    },
    {
      name: 'engine-domains-below-the-facade',
      comment:
        'Domains and core never import the facade (engine.ts) or the public index.',
      severity: 'error',
      from: { path: '^mocks/engine/[^/]+/', pathNot: TESTS },
      to: { path: '^mocks/engine/(engine|index)\\.ts$' },
    },
    {
      name: 'outside-uses-engine-index',
      comment:
        'Outside the engine (handlers, persistence, fixtures, server, src), the engine is its index.ts.',
      severity: 'error',
      from: { path: ['^mocks/(?!engine/)', '^src/', '^e2e/'], pathNot: TESTS },
      to: { path: '^mocks/engine/', pathNot: '^mocks/engine/index\\.ts$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^e2e/\\.output/', '^dist/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
