import type { ContainerStatus, RuntimeController } from '@/api/types';
import { DataTable } from '@/components/ui/data-table';
import { GuardedButton } from '@/components/ui/guarded-button';
import type { CanResult } from '@/hooks/use-can';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { containerStateStatus, podStatus, runtimeStatus } from '@/lib/status';
import './runtime.css';

interface RuntimePodsProps {
  name: string;
  controller: RuntimeController;
  /** The workload's status class (gives the controller status its tone). */
  statusClass: string;
  /** Opens the logs of a container in a pod. */
  onLogs: (containerId: string, podName: string) => void;
  /** Opens a shell in a running container, or a debug container on the pod of one that is not running. */
  shell?: {
    can: CanResult;
    open: (containerId: string, podName: string, debug: boolean) => void;
  };
}

/** A controller (kind, status, replicas) and its pods: phase, containers with state, reason, restarts, last termination. */
export function RuntimePods({
  name,
  controller,
  statusClass,
  onLogs,
  shell,
}: RuntimePodsProps) {
  const pods = controller.pods ?? [];
  const ready = pods.filter(
    (p) =>
      p.containerStatuses.length > 0 &&
      p.containerStatuses.every(
        (c) => c.ready || c.state.terminated?.reason === 'Completed',
      ),
  ).length;
  return (
    <section aria-label={`Controller ${name}`} className="stack">
      <div className="runtime-facts">
        <h3 style={{ margin: 0 }}>
          {controller.kind} <code>{name}</code>
        </h3>
        <StatusBadge status={runtimeStatus(statusClass, controller.status)} />
        <span>
          {ready}/{controller.replicas ?? pods.length} replicas ready
        </span>
        {controller.revision !== undefined && (
          <span className="muted">revision {controller.revision}</span>
        )}
      </div>
      {controller.message && <p className="muted">{controller.message}</p>}
      {pods.length === 0 ? (
        <p className="muted">No pods are running.</p>
      ) : (
        <DataTable
          caption={`Pods of ${name}`}
          // On a phone each container is a block of labelled lines: Logs and Shell stay on screen.
          className="runtime-table table--stack"
          columns={[
            'Pod and phase',
            'Container and state',
            'Restarts',
            'Last termination',
            <span className="visually-hidden">Logs and shell</span>,
          ]}
          rows={pods.flatMap((pod) =>
            pod.containerStatuses.map((c, i) => ({ pod, c, first: i === 0 })),
          )}
          renderRow={({ pod, c, first }) => {
            const waiting = c.state.waiting;
            // A crash-looping container waits now; how its previous run ended is `last_state` (extension).
            const terminated =
              c.state.terminated ??
              (c as ContainerStatus).last_state?.terminated;
            return (
              <tr key={`${pod.podName}/${c.name}`}>
                <td
                  className="runtime-table__pod"
                  data-label={first ? 'Pod' : undefined}
                >
                  {first && (
                    <>
                      <div className="mono">{pod.podName}</div>
                      <StatusBadge status={podStatus(pod.phase, pod.status)} />
                    </>
                  )}
                </td>
                <td data-label="Container">
                  <div className="mono">{c.name}</div>
                  <StatusBadge status={containerStateStatus(c.state)} />
                  {!c.ready && c.state.running && (
                    <span className="muted"> not ready</span>
                  )}
                  {waiting?.message && (
                    <div className="muted mono runtime-table__message">
                      {waiting.message}
                    </div>
                  )}
                </td>
                <td data-label="Restarts">{c.restart_count}</td>
                <td data-label="Last termination">
                  {terminated ? (
                    <>
                      {terminated.reason ?? 'Exited'} (exit code{' '}
                      {terminated.exit_code ?? '?'})
                      {terminated.finished_at && (
                        <div className="muted">
                          <RelativeTime iso={terminated.finished_at} />
                        </div>
                      )}
                      {terminated.message && (
                        <div className="muted runtime-table__message">
                          {terminated.message}
                        </div>
                      )}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <div className="runtime-table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => onLogs(c.name, pod.podName)}
                    >
                      Logs
                      <span className="visually-hidden">
                        {' '}
                        of {c.name} in {pod.podName}
                      </span>
                    </button>
                    {shell && (
                      <ShellButton c={c} podName={pod.podName} shell={shell} />
                    )}
                  </div>
                </td>
              </tr>
            );
          }}
        />
      )}
    </section>
  );
}

/** "Open shell" on a running container; "Debug" (a busybox container on the pod) on one that is not. */
function ShellButton({
  c,
  podName,
  shell,
}: {
  c: ContainerStatus;
  podName: string;
  shell: NonNullable<RuntimePodsProps['shell']>;
}) {
  if (c.state.terminated?.reason === 'Completed') return null;
  const debug = !c.state.running;
  return (
    <GuardedButton
      can={shell.can}
      className="button button--small"
      data-shell-opener={`${podName}/${c.name}`}
      aria-label={
        debug
          ? `Attach a debug container (busybox) to ${podName}, targeting ${c.name}`
          : `Open a shell in ${c.name} of ${podName}`
      }
      onClick={() => shell.open(c.name, podName, debug)}
    >
      {debug ? 'Debug' : 'Shell'}
    </GuardedButton>
  );
}
