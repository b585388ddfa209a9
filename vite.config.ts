import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { configDefaults } from 'vitest/config';

/**
 * Test files that need a module graph of their own (see `test.projects`): what
 * they test happens on a module's first import (the global set-up's demo state
 * before any engine cached it; the palette's code while it loads), or they
 * replace a module with `vi.mock` (the profile pages' Monaco editor), which a
 * shared graph may have loaded for real already: which file came first in a
 * worker decided whether the mock applied (a full run failed on it).
 */
const ISOLATED_ENGINE = ['mocks/fixtures/test-demo-state.test.ts'];
const ISOLATED_APP = [
  'src/features/navigation/components/command-palette-keystrokes.test.tsx',
  'src/app/routes/profiles.test.tsx',
  'src/app/routes/profile-versions.test.tsx',
  'src/app/routes/profile-impact.test.tsx',
];
const APP_SETUP = [
  'mocks/testing/demo-state-setup.ts',
  'src/testing/setup-tests.ts',
];

const src = fileURLToPath(new URL('./src', import.meta.url));
const tsx = fileURLToPath(
  new URL('./node_modules/tsx/dist/cli.mjs', import.meta.url),
);

/**
 * Content-Security-Policy of the console. The MSW worker and Vite's client
 * need 'self' only; styles are inline (React style props). `extraScripts` adds
 * hash sources for inline scripts (the dev server's React Refresh preamble).
 * A host serving the production build should send `productionHeaders` (README).
 */
function contentSecurityPolicy(extraScripts: string[] = []): string {
  return [
    "default-src 'self'",
    // ajv compiles user-defined profile schemas at run time ('unsafe-eval').
    ["script-src 'self' 'unsafe-eval'", ...extraScripts].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self' ws: http://127.0.0.1:* http://localhost:*",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

export const productionHeaders = {
  'Content-Security-Policy': contentSecurityPolicy(),
  ...securityHeaders,
};

/** SHA-256 hash sources of the inline <script> elements of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    const [, attributes, body] = match;
    if (/\bsrc\s*=/i.test(attributes!) || body!.length === 0) continue;
    hashes.add(
      `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
    );
  }
  return [...hashes];
}

/**
 * The chunks main.tsx starts the console with (React DOM, then src/app/mount: see mount() there) are
 * dynamic imports, so that each is evaluated in a task of its own. The build preloads only an
 * entry's static imports: this adds a `<link rel="modulepreload">` for each of these chunks and the
 * chunks they import to index.html, so the parser fetches them beside the entry (nothing waits on
 * the network between the tasks, and no request is made from script while they run). They are the
 * first route's JavaScript, and the bench counts them as such.
 */
export function startChunks(
  starts: readonly string[] = [
    '/node_modules/react-dom/client.js',
    '/src/app/mount.tsx',
  ],
): Plugin {
  let base = '/';
  return {
    name: 'console-start-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return [];
        const preloaded = new Set([entry.fileName, ...entry.imports]);
        const files: string[] = [];
        const add = (fileName: string) => {
          if (preloaded.has(fileName)) return;
          preloaded.add(fileName);
          files.push(fileName);
          const output = bundle[fileName];
          if (output?.type === 'chunk')
            for (const imported of output.imports) add(imported);
        };
        for (const start of starts) {
          const chunk = Object.values(bundle).find(
            (c) =>
              c.type === 'chunk' &&
              c.facadeModuleId?.replaceAll('\\', '/').endsWith(start) &&
              entry.dynamicImports.includes(c.fileName),
          );
          if (!chunk)
            throw new Error(
              `startChunks: no chunk the entry imports dynamically for ${start} (did main.tsx change?)`,
            );
          add(chunk.fileName);
        }
        return files.map((fileName) => ({
          tag: 'link',
          attrs: {
            rel: 'modulepreload',
            crossorigin: '',
            href: `${base}${fileName}`,
          },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The dev server injects an inline script (React Refresh's preamble), which
 * `script-src 'self'` blocks. Rather than 'unsafe-inline', each HTML answer
 * allows exactly the inline scripts it carries, by hash; every other answer
 * gets the production policy. A page is always sent whole: a reload asks
 * "changed since?" (If-None-Match), and a 304 carries no body to hash, so it
 * would carry the production policy, which the browser then applies to its
 * cached page, blocking the preamble (the console did not start after F5).
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'console-dev-csp',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res: ServerResponse, next) => {
        if (req.headers.accept?.includes('text/html')) {
          delete req.headers['if-none-match'];
          delete req.headers['if-modified-since'];
        }
        for (const [name, value] of Object.entries(productionHeaders))
          res.setHeader(name, value);
        const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
        res.end = ((...args: unknown[]) => {
          const [chunk] = args;
          const type = String(res.getHeader('Content-Type') ?? '');
          if (
            !res.headersSent &&
            type.includes('text/html') &&
            (typeof chunk === 'string' || Buffer.isBuffer(chunk))
          ) {
            const hashes = inlineScriptHashes(chunk.toString());
            res.setHeader(
              'Content-Security-Policy',
              contentSecurityPolicy(hashes),
            );
          }
          return end(...args);
        }) as typeof res.end;
        next();
      });
    },
  };
}

/**
 * `virtual:demo-seed`: the demo seed, built by `tsx mocks/scripts/demo-seed.ts`
 * when the engine's worker is bundled (a build, or the dev server's bundle),
 * so that a visitor's first load moves it to now (mocks/fixtures/
 * seed-snapshot.ts) instead of building it: about half a second of the
 * worker's time before its first answer. A JSON string, parsed only when used.
 */
function prebuiltDemoSeed() {
  const id = 'virtual:demo-seed';
  const resolved = `\0${id}`;
  let building: Promise<string> | undefined;
  /** Starts building the seed (at most one build at a time); `take` hands it over and lets the next bundle build anew. */
  const start = () =>
    (building ??= new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          tsx,
          fileURLToPath(
            new URL('./mocks/scripts/demo-seed.ts', import.meta.url),
          ),
        ],
        { maxBuffer: 256 * 1024 * 1024 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    ));
  const take = async () => {
    try {
      return await start();
    } finally {
      building = undefined;
    }
  };
  return {
    name: 'console-demo-seed',
    /** Builds the seed ahead (the dev server calls this at start). */
    prepare: () => void start().catch(() => {}),
    resolveId: (source: string) => (source === id ? resolved : undefined),
    async load(loaded: string) {
      if (loaded !== resolved) return undefined;
      return `export const demoSeedJson = ${JSON.stringify(await take())};\n`;
    },
  };
}

/**
 * In the dev server, the embedded engine's worker (`mocks/engine-worker.ts`:
 * the engine, its seeds and handlers, about 110 modules under `mocks/`, and
 * the packages they use) is served as one bundled module instead of one
 * request per file: the engine is not React code (no Fast Refresh to keep),
 * and a cold load of `npm start` spent most of its time in that request
 * waterfall, the worker's requests queued behind the page's own on the
 * browser's six connections. Any change to a bundled file reloads the page.
 */
function bundledEngineInDev(): Plugin {
  const entry = fileURLToPath(
    new URL('./mocks/engine-worker.ts', import.meta.url),
  );
  const demoSeed = prebuiltDemoSeed();
  /** The source map of the worker's last bundle, served at MAP_PATH. */
  let map: string | undefined;
  /** The files of the worker's last bundle. */
  let bundled = new Set<string>();
  const MAP_PATH = '/@console/engine-worker.js.map';
  async function bundleEngine() {
    const { rolldown } = await import('rolldown');
    const bundle = await rolldown({
      input: entry,
      platform: 'browser',
      resolve: { alias: { '@': src } },
      plugins: [demoSeed],
      logLevel: 'silent',
    });
    try {
      const { output } = await bundle.generate({
        format: 'esm',
        codeSplitting: false,
        // A map object, not an inline comment: Vite composes it with its own
        // import rewriting, where an inline map would be wrapped in a second
        // map holding the whole bundle as its source (13 MB per load).
        sourcemap: true,
      });
      return output[0];
    } finally {
      await bundle.close();
    }
  }
  return {
    name: 'console-dev-engine-bundle',
    apply: 'serve',
    enforce: 'pre',
    configureServer(server) {
      // The seed is ready by the time a browser first asks for the worker (Vitest's server never asks).
      if (!process.env.VITEST) demoSeed.prepare();
      // A change to a file of the bundle makes it stale: the next load bundles again and open pages reload. (Files the
      // load hook adds with addWatchFile did not invalidate the worker's module: an edited engine kept being served.)
      server.watcher.on('change', (file) => {
        if (!bundled.has(file)) return;
        const graph = server.environments.client.moduleGraph;
        for (const mod of graph.getModulesByFile(entry) ?? [])
          graph.invalidateModule(mod);
        bundled = new Set();
        server.config.logger.info(
          `engine changed (${path.relative(server.config.root, file)}): page reload`,
          { timestamp: true },
        );
        server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use(MAP_PATH, (_request, response) => {
        response.statusCode = map ? 200 : 404;
        response.setHeader('Content-Type', 'application/json');
        response.end(map ?? '{}');
      });
    },
    async load(loaded) {
      // The worker's module, as `new SharedWorker(new URL(...))` asks for it
      // (`…/engine-worker.ts?worker_file&type=module`).
      if (loaded.split('?')[0] !== entry) return undefined;
      const chunk = await bundleEngine();
      bundled = new Set(chunk.moduleIds.filter((file) => file.startsWith('/')));
      for (const file of bundled) this.addWatchFile(file);
      map = chunk.map?.toString();
      return {
        // The map is a file of its own, fetched only by the developer tools:
        // inline, it would be 8 MB of the worker's 11 on every first load.
        code: `${chunk.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')}//# sourceMappingURL=${MAP_PATH}\n`,
        // (an empty map: Vite adds none of its own)
        map: { mappings: '' },
      };
    },
  };
}

export default defineConfig(({ mode, command }) => {
  const env = loadEnv(mode, process.cwd(), '');
  // Every VITE_ variable is compiled into the JavaScript a build ships: a token there is readable by anyone who
  // loads the page. The dev server keeps it on this machine; a build refuses it unless told otherwise.
  if (
    command === 'build' &&
    env.VITE_API_TOKEN &&
    env.ALLOW_TOKEN_IN_BUILD !== '1'
  ) {
    throw new Error(
      'VITE_API_TOKEN would be compiled into the built JavaScript, readable by anyone who loads the page. ' +
        'Unset it (the console asks for a token at sign-in), or set ALLOW_TOKEN_IN_BUILD=1 to build it in anyway.',
    );
  }
  // VITE_API_URL points the console at a real API; the dev server proxies
  // /api to it so the browser never meets CORS.
  const target = env.VITE_API_URL;
  return {
    plugins: [
      react(),
      devContentSecurityPolicy(),
      bundledEngineInDev(),
      startChunks(),
    ],
    resolve: {
      alias: {
        '@': src,
        // The public suffix list MSW's cookie jar would ship (115 kB gz): see the file.
        ...(process.env.VITEST
          ? {}
          : {
              tldts: fileURLToPath(
                new URL('./mocks/msw-public-suffix.ts', import.meta.url),
              ),
            }),
      },
    },
    server: {
      port: 5173,
      // Build output of the e2e suite and benchmarks is not source: do not watch it.
      watch: { ignored: ['**/e2e/.output/**', '**/dist*/**'] },
      proxy: target
        ? {
            '/api': {
              target,
              changeOrigin: true,
              rewrite: (path) => path.replace(/^\/api/, ''),
            },
          }
        : undefined,
    },
    preview: { port: 4173, headers: productionHeaders },
    build: {
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'api',
                // This project's API modules but the client (in the entry), without their dependencies.
                test: (id: string) =>
                  id.startsWith(`${src}/api/`) && !id.endsWith('/client.ts'),
                includeDependenciesRecursively: false,
              },
            ],
          },
        },
      },
    },
    // The engine's worker is an ES module (it shares chunks with nothing on the page).
    worker: { format: 'es', plugins: () => [prebuiltDemoSeed()] },
    test: {
      globals: false,
      // Vitest's default leaves a core idle (cores - 1: one worker on this 2-core
      // machine); every core halves the suite's time here (220 s -> 145 s).
      maxWorkers: '100%',
      // Tests wait on conditions; with both cores busy (the suite must pass beside a CPU hog), a route
      // test that renders lazy pages over the real engine can take several seconds, its first page over
      // 15 s (asyncUtilTimeout: setup-tests.ts).
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // The demo state test engines restore (resetTestEngine), built once per run instead of once per file.
      globalSetup: ['mocks/testing/demo-state-global-setup.ts'],
      // Files share one module graph per worker (`isolate: false`): the engine,
      // React and the routes are imported once per worker instead of once per
      // file (npm test's unit part 393 s -> ~240 s). Each file still gets its own
      // set-up (a fresh engine, MSW handlers and DOM clean-up per test). The
      // files listed in ISOLATED_* test what a first import does, so they keep a
      // graph of their own.
      projects: [
        {
          extends: true,
          test: {
            name: 'engine',
            environment: 'node',
            isolate: false,
            include: ['mocks/**/*.test.ts'],
            exclude: [...configDefaults.exclude, ...ISOLATED_ENGINE],
            setupFiles: ['mocks/testing/demo-state-setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'app',
            environment: 'jsdom',
            isolate: false,
            include: ['src/**/*.test.{ts,tsx}'],
            exclude: [...configDefaults.exclude, ...ISOLATED_APP],
            setupFiles: APP_SETUP,
          },
        },
        {
          extends: true,
          test: {
            name: 'engine-isolated',
            environment: 'node',
            include: ISOLATED_ENGINE,
            setupFiles: ['mocks/testing/demo-state-setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'app-isolated',
            environment: 'jsdom',
            include: ISOLATED_APP,
            setupFiles: APP_SETUP,
          },
        },
      ],
    },
  };
});
