/**
 * Organisations, applications and environments: creating, deleting and rebasing them
 * (ops.ts) and the engine methods that authorize those calls (methods.ts).
 */
export * from './methods';
export * from './ops';
