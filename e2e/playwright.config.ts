import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { BASE_URL, DEV_BASE_URL, DEV_PORT, PORT } from './ports';
const isCI = !!process.env.CI;

type TraceMode = 'off' | 'on' | 'retain-on-failure' | 'retain-on-first-failure';
const TRACE_MODES: readonly TraceMode[] = [
  'off',
  'on',
  'retain-on-failure',
  'retain-on-first-failure',
];

/** E2E_TRACE when it names a mode, else none on CI and the failed tests' traces elsewhere. */
function traceMode(): TraceMode {
  const asked = process.env.E2E_TRACE as TraceMode | undefined;
  if (asked && TRACE_MODES.includes(asked)) return asked;
  if (asked)
    throw new Error(`E2E_TRACE=${asked}: use one of ${TRACE_MODES.join(', ')}`);
  return isCI ? 'off' : 'retain-on-failure';
}

// Paths are relative to this file (e2e/).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  testIgnore: ['.output/**', 'bench/**'],
  outputDir: '.output/test-results',
  fullyParallel: false,
  // Two spec files at a time (E2E_WORKERS to change it): every test has its own browser context (its own IndexedDB,
  // engine worker and service worker), and the specs that start servers take their own ports (real-api-stack.ts), so
  // files do not share state. On this 2-core machine, traces off as on CI: 7.0 min for 157 tests with two workers,
  // 6.5 with three (7% faster for half as much load again, on cores already busy 86% of the time with two).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // No retries: a test that passes only on the second try is a failing test.
  retries: 0,
  forbidOnly: isCI,
  reporter: isCI ? [['line']] : [['list']],
  // Generous limits, not tight ones: every wait is on a condition, and the suite must pass
  // with both cores busy (beside a CPU hog), where a cold page or a build takes several times longer.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 720 },
    baseURL: BASE_URL,
    // Locally a failed test keeps its trace: actions, DOM snapshots, network and console. Not the screencast: its
    // frames made the compositor and the browser work all the time (phone.spec.ts 132 s -> 105 s without them). CI
    // keeps what it prints and nothing else, and recording every test's snapshots to throw most away cost phone.spec.ts
    // 8% (101 s without, 110 s with): no trace there. E2E_TRACE sets the mode either way.
    trace: {
      mode: traceMode(),
      screenshots: false,
      snapshots: true,
      sources: true,
    },
    // The console's motion is decorative (spinners, pulsing skeletons, fades) and stops for users who ask for less
    // motion; tests run as such a user (phone.spec.ts 107 s -> 91 s), but for the specs that opt back in with
    // `test.use({ reducedMotion: 'no-preference' })` to check the animated console too.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: [
    {
      // A production build, but with the embedded engine: there is no backend in e2e.
      // main.tsx includes the engine as a lazy chunk only when VITE_ENABLE_MOCKS=true.
      // Built into e2e/.output so a mock-enabled build never lands in dist/.
      command: `npx vite build --outDir e2e/.output/e2e-dist-${PORT} && npx vite preview --outDir e2e/.output/e2e-dist-${PORT} --host 127.0.0.1 --strictPort --port ${PORT}`,
      env: { VITE_ENABLE_MOCKS: 'true' },
      cwd: '..',
      url: BASE_URL,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Exactly what `npm start` serves (the Vite dev server, embedded engine), on its own port:
      // e2e/dev-server.spec.ts opens it.
      command: `npm start -- --port ${DEV_PORT} --strictPort`,
      cwd: '..',
      url: DEV_BASE_URL,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
