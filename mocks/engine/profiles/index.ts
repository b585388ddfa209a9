/**
 * Workload profiles: built-ins and features (builtin.ts, features.ts), schemas
 * (schema.ts), operations (ops.ts), spec validation (validate.ts), resource
 * references (resource-refs.ts) and the engine methods (methods.ts).
 */
export * from './builtin';
export * from './impact';
export * from './methods';
export * from './ops';
export * from './resource-refs';
export * from './schema';
export * from './validate';
