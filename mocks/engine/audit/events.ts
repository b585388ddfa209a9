/**
 * The events the platform emits (the spec's `GET /orgs/{orgId}/events`:
 * "events available for triggering automated jobs", each with the properties
 * a job can use as variables). They are the transitions the engine really
 * makes, named as Humanitec's webhook triggers name them (scope + type), and
 * each property is a field of the record the engine keeps for it
 * (events.test.ts checks every one against a real deployment, environment,
 * app and pipeline run).
 */

/** An event type (the spec's EventResponse). */
export interface PlatformEvent {
  scope: string;
  type: string;
  properties: string[];
}

const APP = ['org_id', 'app_id', 'triggered_by'];
const ENV = [...APP.slice(0, 2), 'env_id', 'env_type', 'triggered_by'];
const DEPLOY = [
  ...ENV.slice(0, 4),
  'deploy_id',
  'set_id',
  'delta_id',
  'comment',
  'triggered_by',
];
const RUN = [
  'org_id',
  'app_id',
  'env_ids',
  'pipeline_id',
  'pipeline_version',
  'run_id',
  'trigger',
  'triggered_by',
];

/** Every event type, in the order of an app's life. */
export const PLATFORM_EVENTS: readonly PlatformEvent[] = [
  { scope: 'application', type: 'created', properties: APP },
  { scope: 'application', type: 'deleted', properties: APP },
  { scope: 'environment', type: 'created', properties: ENV },
  { scope: 'environment', type: 'deleted', properties: ENV },
  { scope: 'deployment', type: 'started', properties: DEPLOY },
  { scope: 'deployment', type: 'finished', properties: [...DEPLOY, 'status'] },
  { scope: 'pipeline-run', type: 'started', properties: RUN },
  { scope: 'pipeline-run', type: 'finished', properties: [...RUN, 'status'] },
];

/** A copy of the catalogue (callers may change what they get). */
export function listEvents(): PlatformEvent[] {
  return PLATFORM_EVENTS.map((event) => ({
    ...event,
    properties: [...event.properties],
  }));
}
