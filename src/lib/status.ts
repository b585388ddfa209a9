/**
 * One status vocabulary for the whole console: each tone has a colour, an icon and a word, and means one thing.
 * `progress` (the spinner) is work under way and nothing else; `pending` is queued or waiting, not started yet;
 * `skipped` did not run; `info` is a notable state that is neither good nor bad news (ahead of a baseline, a
 * good-but-not-best tier).
 */
export type Tone =
  | 'success'
  | 'warning'
  | 'failure'
  | 'progress'
  | 'pending'
  | 'skipped'
  | 'info'
  | 'stopped'
  | 'unknown';

export interface StatusView {
  tone: Tone;
  label: string;
}

const DEPLOYMENT: Record<string, StatusView> = {
  pending: { tone: 'pending', label: 'Pending' },
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

/** Whether a pipeline run will still change. */
export function isRunActive(status: string | undefined): boolean {
  return status === 'executing';
}

const RUNTIME_CLASS: Record<string, Tone> = {
  Success: 'success',
  Warning: 'warning',
  Failure: 'failure',
  Stopped: 'stopped',
  Unknown: 'unknown',
};

/** A runtime status (RuntimeInfoStatus word + RuntimeInfoStatusClass) as a status view. */
export function runtimeStatus(
  statusClass: string | undefined,
  status?: string,
): StatusView {
  const tone = (statusClass && RUNTIME_CLASS[statusClass]) || 'unknown';
  if (status === 'Starting') return { tone: 'progress', label: 'Starting' };
  return { tone, label: status ?? statusClass ?? 'Unknown' };
}

const HEALTH: Record<string, StatusView> = {
  Healthy: { tone: 'success', label: 'Healthy' },
  Deploying: { tone: 'progress', label: 'Deploying' },
  Degraded: { tone: 'warning', label: 'Degraded' },
  Failed: { tone: 'failure', label: 'Failed' },
  Paused: { tone: 'stopped', label: 'Paused' },
  Unknown: { tone: 'unknown', label: 'Unknown' },
  NotDeployed: { tone: 'unknown', label: 'Never deployed' },
};

/** A health state (the engine's health model: Healthy, Deploying, Degraded, Failed, Paused, Unknown, NotDeployed). */
export function healthStatus(state: string | undefined): StatusView {
  return (
    (state && HEALTH[state]) || { tone: 'unknown', label: state ?? 'Unknown' }
  );
}

/** A step of a deployment's timeline: the deployment statuses plus `skipped`. */
export function stepStatus(status: string): StatusView {
  return status === 'skipped'
    ? { tone: 'skipped', label: 'Skipped' }
    : deploymentStatus(status);
}

const POD_PHASE: Record<string, Tone> = {
  Running: 'success',
  Succeeded: 'success',
  Pending: 'pending',
  Failed: 'failure',
  Unknown: 'unknown',
};

/**
 * A pod: its phase. A pod whose containers fail while it runs (a crash loop) is still `Running`: it says so with
 * a warning ("Running, not ready"), never a failure icon beside the word Running.
 */
export function podStatus(phase: string, status?: string): StatusView {
  if (status === 'Failure' && phase === 'Running')
    return { tone: 'warning', label: 'Running, not ready' };
  if (status === 'Failure' && phase !== 'Succeeded')
    return { tone: 'failure', label: phase };
  return { tone: POD_PHASE[phase] ?? 'unknown', label: phase };
}

/** A container: its state (Running, Waiting, Terminated) with the reason when there is one. */
export function containerStateStatus(state: {
  running?: unknown;
  waiting?: { reason?: string };
  terminated?: { reason?: string; exit_code?: number };
}): StatusView {
  if (state.running) return { tone: 'success', label: 'Running' };
  if (state.waiting) {
    const reason = state.waiting.reason ?? 'Waiting';
    return {
      tone: reason === 'ContainerCreating' ? 'progress' : 'failure',
      label: reason,
    };
  }
  if (state.terminated) {
    const reason =
      state.terminated.reason ??
      `Exited ${state.terminated.exit_code ?? ''}`.trim();
    return {
      tone: reason === 'Completed' ? 'success' : 'failure',
      label: reason,
    };
  }
  return { tone: 'unknown', label: 'Unknown' };
}

/** A workload profile's status: deprecated profiles still work but should not be chosen. */
export function profileStatus(
  deprecationMessage: string | undefined,
): StatusView {
  return deprecationMessage
    ? { tone: 'warning', label: 'Deprecated' }
    : { tone: 'success', label: 'Active' };
}

/** The verdict of a validation: valid, or how many problems. */
export function validationStatus(
  problems: number,
  /** What was validated, when the badge sits beside another verdict (the designer's "Preview data"). */
  subject?: string,
): StatusView {
  const count = `${problems} problem${problems === 1 ? '' : 's'}`;
  if (problems === 0)
    return { tone: 'success', label: subject ? `${subject} valid` : 'Valid' };
  return { tone: 'failure', label: subject ? `${subject}: ${count}` : count };
}

type AgentSeen = { status: string; last_seen_at?: string | null };

/** An agent that has never sent a heartbeat: registered, not installed yet (not one gone silent). */
export const agentNeverConnected = (agent: AgentSeen) =>
  agent.status !== 'connected' && !agent.last_seen_at;

/** What an agent's heartbeats say, as the Agents page, the fleet and the CLI show it. */
export function agentStatus(agent: AgentSeen): StatusView {
  if (agent.status === 'connected')
    return { tone: 'success', label: 'Connected' };
  if (agentNeverConnected(agent))
    return { tone: 'unknown', label: 'Not connected yet' };
  return { tone: 'failure', label: 'Disconnected' };
}
