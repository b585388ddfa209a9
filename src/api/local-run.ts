import { api, unwrap } from './client';
import type { components } from './schema-extensions';

/** A workload's local-run bundle (console extension getLocalRun). */
export type LocalRunBundle = components['schemas']['LocalRunBundle'];
/** Where a resource comes from when the workload runs locally. */
export type ResourceMode = 'local' | 'remote';

/** What the "Run locally" page asks for. */
export interface LocalRunRequest {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
  /** Every resource's mode unless chosen one by one. */
  mode: ResourceMode;
  /** Per resource id (`shared.db`), only those that differ from `mode`. */
  choices: Record<string, ResourceMode>;
  includeSecrets: boolean;
}

/** The bundle as the engine builds it for the request. */
export function getLocalRun(request: LocalRunRequest) {
  const { orgId, appId, envId, workloadId } = request;
  return unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/workloads/{workloadId}/console/local-run',
      {
        params: {
          path: { orgId, appId, envId, workloadId },
          query: {
            resources: request.mode,
            resource: Object.entries(request.choices)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([id, mode]) => `${id}:${mode}`),
            ...(request.includeSecrets ? { secrets: 'include' as const } : {}),
          },
        },
      },
    ),
  );
}
