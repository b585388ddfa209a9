/**
 * The resource types workloads can ask for (ops.ts) and the engine method (methods.ts).
 */
export * from './methods';
export * from './ops';
