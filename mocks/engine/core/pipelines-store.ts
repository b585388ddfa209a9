/**
 * Where pipelines and canaries live in the engine state: an optional
 * top-level `pipelines` key (absent in states saved before pipelines
 * existed, so those keep loading), keyed by `org/app` and `org/app/env`.
 */
import { EngineError } from './errors';
import type { CanaryRecord } from './model/canary';
import type {
  AppPipelines,
  PipelineRecord,
  PipelineVersionRecord,
  RunRecord,
} from './model/pipelines';
import type { StateV1 } from './state';

/** The pipelines part of the state. */
export interface PipelinesState {
  apps: Record<string, AppPipelines>;
  canaries: Record<string, CanaryRecord>;
}

type WithPipelines = StateV1 & { pipelines?: PipelinesState };

/** The pipelines part of the state, created on first use. */
export function pipelinesOf(state: StateV1): PipelinesState {
  const s = state as WithPipelines;
  s.pipelines ??= { apps: {}, canaries: {} };
  return s.pipelines;
}

/** The pipelines part if it exists (reads must not create it). */
export function existingPipelines(state: StateV1): PipelinesState | undefined {
  return (state as WithPipelines).pipelines;
}

/** The pipelines of an app (created on first use). */
export function appPipelines(
  state: StateV1,
  orgId: string,
  appId: string,
): AppPipelines {
  const store = pipelinesOf(state);
  const key = `${orgId}/${appId}`;
  store.apps[key] ??= {
    orgId,
    appId,
    pipelines: {},
    criteria: {},
    runs: {},
    approvals: {},
  };
  return store.apps[key];
}

/** The key of an environment's canary. */
export function canaryKey(orgId: string, appId: string, envId: string): string {
  return `${orgId}/${appId}/${envId}`;
}

/** The pipeline, or `not_found`. */
export function requirePipeline(
  store: AppPipelines,
  pipelineId: string,
): PipelineRecord {
  if (!Object.hasOwn(store.pipelines, pipelineId)) {
    throw new EngineError(
      'not_found',
      `Pipeline \`${pipelineId}\` does not exist in app \`${store.appId}\`.`,
      {
        kind: 'pipeline',
        id: pipelineId,
      },
    );
  }
  return store.pipelines[pipelineId];
}

/** The run of a pipeline, or `not_found`. */
export function requireRun(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
): RunRecord {
  requirePipeline(store, pipelineId);
  const run = Object.hasOwn(store.runs, runId) ? store.runs[runId] : undefined;
  if (!run || run.pipelineId !== pipelineId) {
    throw new EngineError(
      'not_found',
      `Run \`${runId}\` of pipeline \`${pipelineId}\` does not exist.`,
      {
        kind: 'pipeline_run',
        id: runId,
      },
    );
  }
  return run;
}

/**
 * The run `runId` of pipeline `pipelineId` and the version of the pipeline it executes (a run keeps the version it
 * started with), each undefined when gone; never throws (for views of approvals and the health that lists them).
 */
export function runAndVersion(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
): {
  pipeline?: PipelineRecord;
  run?: RunRecord;
  version?: PipelineVersionRecord;
} {
  const pipeline = Object.hasOwn(store.pipelines, pipelineId)
    ? store.pipelines[pipelineId]
    : undefined;
  const run = Object.hasOwn(store.runs, runId) ? store.runs[runId] : undefined;
  const version = run
    ? pipeline?.versions.find((v) => v.id === run.pipelineVersion)
    : undefined;
  return { pipeline, run, version };
}
