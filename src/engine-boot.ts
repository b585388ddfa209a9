/**
 * The embedded engine's first step, as index.html's first script: the
 * engine's worker starts booting (resuming the saved demo, or seeding it)
 * while the browser still fetches the console's modules, instead of after
 * main.tsx's whole import graph has loaded. main.tsx finishes the
 * connection (MSW) with what this started. This module and its import graph
 * stay tiny: the connection module holds no engine code.
 */
import { config } from '@/config/env';
import type { EngineConnection } from '../mocks/engine-connection';

/** The connection to the engine's worker, opening; undefined against a real API or in a build without the demo. */
export const engineConnection: Promise<EngineConnection> | undefined =
  // A production build without VITE_ENABLE_MOCKS drops the branch and the connection's chunk.
  (import.meta.env.DEV || import.meta.env.VITE_ENABLE_MOCKS === 'true') &&
  config.useEmbeddedEngine
    ? import('../mocks/engine-connection').then((module) =>
        module.openEngineConnection(),
      )
    : undefined;
