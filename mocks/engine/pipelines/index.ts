/**
 * Pipelines, runs, approvals and canaries: parsing and the JSON schema (parse.ts,
 * schema.ts), operations (ops.ts), runs and steps (run.ts, steps.ts), views (views.ts), who a
 * pipeline can deploy to (reach.ts) and the engine methods (methods.ts).
 */
export * from './methods';
export * from './parse';
export * from './schema';
export * from './steps';
export * from './run';
