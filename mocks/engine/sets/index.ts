/**
 * Deployment sets as values: content hash, applying a delta, diffing two sets (ops.ts),
 * and the engine methods over an app's stored sets (methods.ts).
 */
export * from './methods';
export * from './ops';
