/**
 * The navigation index of an organisation (ops.ts), its pages (paging.ts)
 * and the engine methods (methods.ts).
 */
export * from './methods';
export * from './ops';
export * from './paging';
