/** The health vocabulary: states (worst first), the legend, and what an issue says (rules: health/). */

/** The health states, worst first. */
export const HEALTH_STATES = [
  'Failed',
  'Degraded',
  'Deploying',
  'Unknown',
  'Paused',
  'Healthy',
  'NotDeployed',
] as const;

/** A health state (see {@link HEALTH_LEGEND}). */
export type HealthState = (typeof HEALTH_STATES)[number];

/** States that put an environment on the "needs attention" list. */
export const NEEDS_ATTENTION: readonly HealthState[] = [
  'Failed',
  'Degraded',
  'Unknown',
];

/** What each state means; the console shows this legend. */
export const HEALTH_LEGEND: { state: HealthState; description: string }[] = [
  {
    state: 'Failed',
    description:
      'The last deployment failed, or a workload has no ready replica (image pull, configuration, crash or out-of-memory errors).',
  },
  {
    state: 'Degraded',
    description:
      'A workload runs with fewer ready replicas than desired: some replicas fail.',
  },
  {
    state: 'Deploying',
    description:
      'A deployment is pending or in progress, or workloads are starting.',
  },
  {
    state: 'Unknown',
    description: 'The runtime does not report a usable status for a workload.',
  },
  {
    state: 'Paused',
    description:
      'The environment is paused, or a workload is scaled to 0 replicas.',
  },
  {
    state: 'Healthy',
    description:
      'The last deployment succeeded and every workload runs (or its job completed).',
  },
  {
    state: 'NotDeployed',
    description: 'Nothing has been deployed to the environment yet.',
  },
];

/** What an issue is about; also its order among issues of the same state. */
export type IssueScope = 'deployment' | 'resource' | 'workload' | 'environment';

/** One reason an environment is not healthy. */
export interface HealthIssue {
  state: HealthState;
  scope: IssueScope;
  /** Error catalogue key: a deployment error code (RES-PROV-001) or a Kubernetes reason (CrashLoopBackOff). */
  code?: string;
  /** One sentence, ids in backticks. */
  message: string;
  /** The raw error or container message, when there is one. */
  detail?: string;
  deploy_id?: string;
  workload_id?: string;
  /** The deployment error's object id: `shared.<name>` or `modules.<id>.externals.<name>`. */
  resource_id?: string;
  resource_type?: string;
  resource_class?: string;
  /** The definition (version, driver, criteria) that matched a failed resource. */
  definition_id?: string;
  definition_version_id?: string;
  driver_type?: string;
  criteria_id?: string;
  container_id?: string;
  pod_name?: string;
}
