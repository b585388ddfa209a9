/**
 * DORA metrics: the pure figures and tiers (metrics.ts), reading them from the state
 * (ops.ts) and the engine method (methods.ts).
 */
export * from './methods';
export * from './metrics';
export * from './ops';
