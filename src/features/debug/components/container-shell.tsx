import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { activeResourceQueries } from '@/api/queries/active-resources';
import { runtimeQueries } from '@/api/queries/runtime';
import { setQueries } from '@/api/queries/sets';
import {
  closeShellSession,
  openShellSession,
  runShellCommand,
  type ShellSession,
  type ShellTarget,
} from '@/api/shell';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { clusterCommands, type ClusterTarget } from '../utils/cluster-commands';
import './container-shell.css';

const ShellTerminal = lazy(() => import('./shell-terminal'));

export interface ContainerShellProps extends ShellTarget {
  podName: string;
  /** The set the environment runs (its workloads' published ports). */
  setId?: string;
  onClose: () => void;
  /** Escape in the terminal: focus goes back to what opened it. */
  onLeave: () => void;
}

/**
 * "Open shell" / "Attach a debug container" (issue 23 §3): a terminal into a
 * simulated container of the embedded engine (a session opened on mount and
 * closed on unmount), and beside it the kubectl and humctl commands that do
 * the same against the environment's real cluster.
 */
export function ContainerShell(props: ContainerShellProps) {
  const { orgId, onClose } = props;
  const [session, setSession] = useState<ShellSession>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [ended, setEnded] = useState(false);
  const target = useRef(props);
  useEffect(() => {
    let live: ShellSession | undefined;
    let cancelled = false;
    openShellSession(target.current).then(
      (opened) => {
        live = opened;
        if (cancelled) void closeShellSession(orgId, opened).catch(() => {});
        else setSession(opened);
      },
      (cause: unknown) => !cancelled && setError(cause),
    );
    return () => {
      cancelled = true;
      if (live) void closeShellSession(orgId, live).catch(() => {});
    };
  }, [orgId, attempt]);
  const title = props.debug
    ? `Debug container (busybox) on ${props.podName}`
    : `Shell in ${props.containerId} of ${props.podName}`;
  return (
    <section className="stack container-shell" aria-label={title}>
      <div className="container-shell__head">
        <h3>{title}</h3>
        <button
          type="button"
          className="button button--small"
          onClick={onClose}
        >
          Close shell
        </button>
      </div>
      {props.debug && (
        <p className="muted">
          An ephemeral container sharing the process namespace of{' '}
          <code>{props.containerId}</code>: <code>ps</code> shows its process,{' '}
          <code>logs</code> its last lines, <code>/proc/1/root</code> its files.
        </p>
      )}
      {error !== undefined ? (
        <ErrorPanel
          error={error}
          action="open the shell"
          onRetry={() => {
            setError(undefined);
            setAttempt((n) => n + 1);
          }}
        />
      ) : !session ? (
        <Skeleton rows={4} label="Opening the shell" />
      ) : ended ? (
        <p>
          The session has ended.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setEnded(false);
              setSession(undefined);
              setAttempt((n) => n + 1);
            }}
          >
            Open a new shell
          </button>
        </p>
      ) : (
        <Suspense fallback={<Skeleton rows={4} label="Loading the terminal" />}>
          <p className="muted container-shell__hint">
            Type <kbd>help</kbd> for the commands; <kbd>Esc</kbd> leaves the
            terminal.
          </p>
          <ShellTerminal
            session={session}
            run={(command) => runShellCommand(orgId, session, command)}
            onExit={() => setEnded(true)}
            onLeave={props.onLeave}
            label={`Terminal: ${title}. Type a command and press Enter; Escape leaves the terminal.`}
          />
        </Suspense>
      )}
      <ClusterCommands {...props} />
    </section>
  );
}

/** The same against the environment's real cluster: kubectl and humctl, filled in. */
function ClusterCommands({
  orgId,
  appId,
  envId,
  workloadId,
  containerId,
  podName,
  setId,
}: ContainerShellProps) {
  const runtime = useQuery(runtimeQueries.env(orgId, appId, envId));
  const active = useQuery(activeResourceQueries.list(orgId, appId, envId));
  const set = useQuery({
    ...setQueries.set(orgId, appId, setId ?? ''),
    enabled: setId !== undefined,
  });
  const output = (resId: string, key: string) => {
    const value = active.data?.find((r) => r.res_id === resId)?.resource?.[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const target: ClusterTarget = {
    orgId,
    appId,
    envId,
    cluster: output('k8s-cluster', 'name'),
    namespace: runtime.data?.namespace ?? `${appId}-${envId}`,
    workloadId,
    podName,
    containerId,
    services: Object.entries(set.data?.modules ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, module]) => ({ id, ports: publishedPorts(module) }))
      .filter((s) => s.ports.length > 0),
    resources: (active.data ?? []).flatMap((r) => {
      const { host, port } = r.resource ?? {};
      return typeof host === 'string' && typeof port === 'number'
        ? [{ id: r.res_id, type: r.type, host, port }]
        : [];
    }),
  };
  return (
    <details className="container-shell__commands">
      <summary>Commands for a real cluster (kubectl, humctl)</summary>
      <ul className="stack">
        {clusterCommands(target).map((c) => (
          <li key={c.id}>
            <div className="container-shell__command-head">
              <strong>{c.title}</strong>
              <CopyButton text={c.text} label={c.title} />
            </div>
            <p className="muted">{c.description}</p>
            <pre className="mono container-shell__pre">{c.text}</pre>
          </li>
        ))}
      </ul>
    </details>
  );
}

function publishedPorts(module: { spec?: Record<string, unknown> }): number[] {
  const service = module.spec?.service as
    { ports?: Record<string, { port?: unknown }> } | undefined;
  return Object.values(service?.ports ?? {}).flatMap((p) =>
    typeof p?.port === 'number' ? [p.port] : [],
  );
}
