/**
 * Access control: the rules of who may do what (roles, token scopes, `authorize`), and the
 * guarded runners every domain's methods use. The role vocabulary itself is in core/model/access.ts.
 */
export * from './authorize';
export * from './guards';
