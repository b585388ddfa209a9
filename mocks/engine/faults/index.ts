/**
 * The fault rules of the runtime simulation (rules.ts) and the readers of workload
 * content they use (parse.ts); the engine's `faultRules` (methods.ts).
 */
export * from './methods';
export * from './parse';
export * from './rules';
