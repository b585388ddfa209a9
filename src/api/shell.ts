import { api, unwrap } from './client';
import type { components } from './schema-extensions';

/** An open shell session (console extension openShellSession). */
export type ShellSession = components['schemas']['ShellSession'];
/** What one command line answered. */
export type ShellCommandResult = components['schemas']['ShellCommandResult'];

/** Where a shell is opened: a container of a workload in an environment, or a debug container on its pod. */
export interface ShellTarget {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
  containerId: string;
  podName?: string;
  debug?: boolean;
}

/** Opens a session (needs the deployer role of the environment's type). */
export function openShellSession(target: ShellTarget) {
  const { orgId, appId, envId, workloadId } = target;
  return unwrap(
    api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/workloads/{workloadId}/console/shell-sessions',
      {
        params: { path: { orgId, appId, envId, workloadId } },
        body: {
          container_id: target.containerId,
          ...(target.podName ? { pod_name: target.podName } : {}),
          ...(target.debug ? { debug: true } : {}),
        },
      },
    ),
  );
}

/** Runs one command line in the session. */
export function runShellCommand(
  orgId: string,
  session: ShellSession,
  command: string,
) {
  return unwrap(
    api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/shell-sessions/{sessionId}/commands',
      {
        params: {
          path: {
            orgId,
            appId: session.app_id,
            envId: session.env_id,
            sessionId: session.id,
          },
        },
        body: { command },
      },
    ),
  );
}

/** Ends the session. */
export async function closeShellSession(orgId: string, session: ShellSession) {
  await unwrap(
    api.DELETE(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/shell-sessions/{sessionId}',
      {
        params: {
          path: {
            orgId,
            appId: session.app_id,
            envId: session.env_id,
            sessionId: session.id,
          },
        },
      },
    ),
  );
}
