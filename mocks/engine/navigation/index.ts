/**
 * The navigation index of an organisation (ops.ts) and the engine method (methods.ts).
 */
export * from './methods';
export * from './ops';
