/**
 * The runtime of environments in the state: reading it, pausing, scaling (ops.ts),
 * diagnostics (deployment steps, container logs; diagnostics.ts) and the engine methods (methods.ts).
 */
export * from './diagnostics';
export * from './methods';
export * from './ops';
