/**
 * What starts before the console's modules have loaded, as index.html's
 * first script (its own import graph stays tiny):
 * - the embedded engine: its worker starts booting (resuming the saved demo,
 *   or moving the prebuilt seed to now) and MSW loads and registers its
 *   service worker, instead of after main.tsx's whole import graph; the
 *   engine, MSW and the handlers are dynamic imports (their own chunks), and
 *   the engine itself runs in its worker;
 * - the shell every page is in (routes/root: sidebar, top bar, palette),
 *   whose modules would otherwise be asked for only once React has rendered
 *   the router (in the dev server, eight levels of imports after that).
 */
import { config } from '@/config/env';
import { localeDataSteps } from '@/lib/format';

/** What the demo hands the console once requests may go out. */
export interface EmbeddedEngine {
  /** The demo administrator's token, the default user of a tab. */
  demoToken: string;
}

async function startEmbeddedEngine(): Promise<EmbeddedEngine> {
  const [connection, { startWorker, DEMO_TOKEN }] = await Promise.all([
    import('../mocks/engine-connection').then((module) =>
      module.openEngineConnection(),
    ),
    import('../mocks/browser'),
  ]);
  await startWorker(connection);
  return { demoToken: DEMO_TOKEN };
}

/**
 * The embedded engine, starting; undefined against a real API or in a build without the demo.
 *
 * Started from a microtask, right after the entry's modules have run (same task, no delay), not from
 * their evaluation: its first request (the preload of its chunks) would otherwise be made with the
 * entry's top-level code on the stack, and a browser recording where requests come from (DevTools,
 * Lighthouse, the bench: CDP's Network domain) then collects the source positions of that whole
 * 350 kB module, reparsing it inside this task (20-45 ms, measured with performance marks).
 */
export const embeddedEngine: Promise<EmbeddedEngine> | undefined =
  // A production build without VITE_ENABLE_MOCKS drops the branch and the demo's chunks.
  (import.meta.env.DEV || import.meta.env.VITE_ENABLE_MOCKS === 'true') &&
  config.useEmbeddedEngine
    ? Promise.resolve().then(startEmbeddedEngine)
    : undefined;

// A failure is main.tsx's to show (it awaits this later): not an unhandled rejection before it does.
embeddedEngine?.catch(() => {});

// The router's lazy route gets the same module (and its loader) when it matches. In a task of its own:
// the build's preload of its ~40 chunks appends a <link> each (20-45 ms), which would lengthen the task
// that evaluates the console's modules (Lighthouse's blocking time).
setTimeout(() => void import('./app/routes/root').catch(() => {}), 0);

// The locale data of the formatters and collators, while the route's chunks load: one step per idle
// task (see localeDataSteps).
function prepareNextLocaleData(step = 0) {
  if (step >= localeDataSteps.length) return;
  const run = () => {
    localeDataSteps[step]();
    prepareNextLocaleData(step + 1);
  };
  if ('requestIdleCallback' in window)
    requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 0);
}
prepareNextLocaleData();
