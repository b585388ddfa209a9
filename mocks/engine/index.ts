// The only entry of the engine package: everything outside mocks/engine imports from here.
export * from './model';
export * from './errors';
export * from './constants';
export type { Actor, Engine, EngineOptions, EngineState } from './engine-api';
export { createEngine } from './engine';
