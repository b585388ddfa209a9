/**
 * Deltas: their content (parsing, merging, simplifying; content.ts), the stored deltas of
 * an app (ops.ts) and the engine methods (methods.ts).
 */
export * from './content';
export * from './methods';
export * from './ops';
