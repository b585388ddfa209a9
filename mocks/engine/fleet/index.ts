/**
 * The fleet of organisations: the vocabulary (model.ts), the overview with drift
 * (ops.ts), profile rollouts (rollout.ts) and the engine methods (methods.ts).
 */
export * from './methods';
export * from './model';
export * from './rollout';
