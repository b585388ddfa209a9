/**
 * The simulated runtime: deploy plans and the V2 runtime of a set over the clock
 * (runtime.ts), pods (pods.ts) and container logs (logs.ts). Pure; no state.
 */
export * from './logs';
export * from './pods';
export * from './runtime';
