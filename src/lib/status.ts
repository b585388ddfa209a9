/** One status vocabulary for the whole console: each tone has a colour, an icon and a word. */
export type Tone = 'success' | 'warning' | 'failure' | 'progress' | 'stopped' | 'unknown';

export interface StatusView {
  tone: Tone;
  label: string;
}

const DEPLOYMENT: Record<string, StatusView> = {
  pending: { tone: 'progress', label: 'Pending' },
  'in progress': { tone: 'progress', label: 'In progress' },
  succeeded: { tone: 'success', label: 'Succeeded' },
  failed: { tone: 'failure', label: 'Failed' },
};

/** A deployment's status (the spec's free string) as a status view. */
export function deploymentStatus(status: string | undefined): StatusView {
  if (!status) return { tone: 'unknown', label: 'Never deployed' };
  return DEPLOYMENT[status] ?? { tone: 'unknown', label: status };
}

/** Whether a deployment status will still change. */
export function isDeploymentActive(status: string | undefined) {
  return status === 'pending' || status === 'in progress';
}

const RUNTIME_CLASS: Record<string, Tone> = {
  Success: 'success',
  Warning: 'warning',
  Failure: 'failure',
  Stopped: 'stopped',
  Unknown: 'unknown',
};

/** A runtime status (RuntimeInfoStatus word + RuntimeInfoStatusClass) as a status view. */
export function runtimeStatus(statusClass: string | undefined, status?: string): StatusView {
  const tone = (statusClass && RUNTIME_CLASS[statusClass]) || 'unknown';
  if (status === 'Starting') return { tone: 'progress', label: 'Starting' };
  return { tone, label: status ?? statusClass ?? 'Unknown' };
}
