/**
 * API tokens of service users: creating, listing, revoking, last use (ops.ts) and the
 * engine methods that authorize them (methods.ts).
 */
export * from './methods';
export * from './ops';
