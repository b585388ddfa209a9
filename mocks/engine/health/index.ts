/**
 * Health of environments, apps and organisations: the vocabulary (model.ts), the rules
 * (compute.ts, issues.ts), reading it from the state (ops.ts) and the engine methods (methods.ts).
 */
export * from './compute';
export * from './methods';
export * from './ops';
