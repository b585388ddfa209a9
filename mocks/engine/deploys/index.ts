/**
 * Deployments: planning and creating them, their clock-driven status (ops.ts), their
 * step timeline (steps.ts) and the engine methods (methods.ts).
 */
export * from './methods';
export * from './ops';
export * from './steps';
