/**
 * Users and role assignments: members, service users, app and environment-type
 * members, permissions (ops.ts) and the engine methods that authorize them (methods.ts).
 */
export * from './methods';
export * from './ops';
