/**
 * The audit log (every mutating call the API answered: who, what, when, how
 * it ended; ops.ts, with what the engine knew of the call when it recorded it:
 * context.ts) and the catalogue of events the platform emits
 * (events.ts), with the engine methods that read them (methods.ts).
 */
export * from './methods';
export * from './ops';
export * from './events';
