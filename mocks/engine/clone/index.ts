/**
 * Cloning between environments: the plan of a clone (plan.ts), previews and applying
 * (ops.ts) and the engine methods (methods.ts).
 */
export * from './methods';
export * from './ops';
export * from './plan';
