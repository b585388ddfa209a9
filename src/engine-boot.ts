/**
 * The embedded engine's start, as index.html's first script: the engine's
 * worker starts booting (resuming the saved demo, or seeding it) and MSW
 * loads and registers its service worker while the browser still fetches the
 * console's modules, instead of after main.tsx's whole import graph has
 * loaded. This module's own import graph stays tiny: the engine, MSW and the
 * handlers are dynamic imports (their own chunks), and the engine itself runs
 * in its worker.
 */
import { config } from '@/config/env';

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

/** The embedded engine, starting; undefined against a real API or in a build without the demo. */
export const embeddedEngine: Promise<EmbeddedEngine> | undefined =
  // A production build without VITE_ENABLE_MOCKS drops the branch and the demo's chunks.
  (import.meta.env.DEV || import.meta.env.VITE_ENABLE_MOCKS === 'true') &&
  config.useEmbeddedEngine
    ? startEmbeddedEngine()
    : undefined;

// A failure is main.tsx's to show (it awaits this later): not an unhandled rejection before it does.
embeddedEngine?.catch(() => {});
