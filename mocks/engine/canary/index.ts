/**
 * Canary analysis of a pipeline's canary step: samples, decisions and views (ops.ts).
 * Its record is in core/model/canary.ts; its engine methods are the pipelines'.
 */
export * from './ops';
