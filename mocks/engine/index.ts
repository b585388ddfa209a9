// The only entry of the engine package: everything outside mocks/engine imports from here.
export * from './model';
export * from './errors';
export * from './constants';
export type { Actor, Engine, EngineOptions, EngineState } from './engine-api';
export { createEngine } from './engine';
export { canonicalJson, EMPTY_SET_ID, isEmptySetId } from './canonical';
export {
  applySetDelta,
  computeSetId,
  diffSetContents,
  emptySet,
  makeSet,
} from './sets';
export type { SetContent } from './sets';
export { mergeDeltas, simplifyPatchOps } from './deltas';
export {
  escapePointerToken,
  formatPointer,
  parsePointer,
} from './json-pointer';
export {
  createManualClock,
  createRandomIds,
  createSequentialIds,
  systemClock,
} from './clock';
export type { ManualClock } from './clock';
export { DEFAULT_ENV_TYPES, DEMO_USERS } from './state';
export type { DemoUser, OrgRole } from './state';
export { ID_PATTERN } from './validate';
export { MAX_RUN_MS, MIN_RUN_MS, PENDING_MS } from './deploys';
export { SCENARIOS, type Scenario } from './scenarios';
