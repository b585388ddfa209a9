import type { StatusView } from '@/lib/status';

const STATUS: Record<string, StatusView> = {
  waiting: { tone: 'pending', label: 'Waiting' },
  executing: { tone: 'progress', label: 'Running' },
  succeeded: { tone: 'success', label: 'Succeeded' },
  failed: { tone: 'failure', label: 'Failed' },
  cancelled: { tone: 'stopped', label: 'Cancelled' },
  skipped: { tone: 'skipped', label: 'Skipped' },
  approved: { tone: 'success', label: 'Approved' },
  denied: { tone: 'failure', label: 'Denied' },
  deploying: { tone: 'progress', label: 'Deploying' },
  progressing: { tone: 'progress', label: 'Progressing' },
  promoted: { tone: 'success', label: 'Promoted' },
  aborted: { tone: 'failure', label: 'Aborted' },
};

/** A run, job, step, approval or canary status (see the engine's documented values) as a status view. */
export function pipelineStatus(status: string | undefined): StatusView {
  return (
    (status && STATUS[status]) || {
      tone: 'unknown',
      label: status ?? 'Unknown',
    }
  );
}

/** Whether a run will still change (shared with the query layer's polling). */
export { isRunActive } from '@/lib/status';
