/**
 * Values: an application's shared values and its environments' overrides,
 * their value-set versions (restore, purge) and the write-only contents of
 * secret values (ops.ts; records in core/model/values.ts), the resolution of
 * `${values.KEY}` when a deployment starts (resolve.ts), and the engine
 * methods (methods.ts).
 */
export * from './methods';
export * from './ops';
export * from './parse';
export * from './resolve';
