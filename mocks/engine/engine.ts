import type { Engine, EngineOptions } from './engine-api';

/** Creates an engine. (Stub: being implemented.) */
export function createEngine(_options: EngineOptions): Engine {
  throw new Error('createEngine: not implemented yet');
}
