import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Environment, RuntimeController } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { SidePanel } from '@/components/ui/side-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { runtimeStatus } from '@/lib/status';
import { useRuntime, useRuntimeSummary } from '../queries';
import { runtimeSummary } from '../utils/workloads';
import { ContainerLogs } from './container-logs';
import { RuntimePods } from './runtime-pods';
import { ScaleControl } from './scale-control';
import { WorkloadNotRunning } from './workload-not-running';

/** What the route renders for `&shell=<container>&pod=<name>[&debug=1]` (the debug feature's terminal). */
export interface ShellSlotProps {
  orgId: string;
  appId: string;
  env: Environment;
  workloadId: string;
  containerId: string;
  podName: string;
  debug: boolean;
  onClose: () => void;
  /** Focus back to the button that opened the shell. */
  onLeave: () => void;
}

/**
 * The runtime of one workload in a side panel, opened by `?workload=<id>`
 * (and `&container=<id>[&pod=<name>]` for logs, `&shell=<id>&pod=<name>[&debug=1]`
 * for a shell), so it can be linked to.
 */
export function WorkloadRuntimePanel({
  orgId,
  appId,
  env,
  renderShell,
}: {
  orgId: string;
  appId: string;
  env: Environment;
  renderShell?: (props: ShellSlotProps) => ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const workloadId = params.get('workload');
  const close = () => setParams({}, { replace: true });
  // The control that opened the panel: still focused when the address changes
  // (the panel takes focus after this). Closing returns there, or, when the
  // panel was opened by a link from elsewhere, to the page's heading.
  const opener = useRef<HTMLElement | null>(null);
  const open = workloadId !== null;
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current =
      active instanceof HTMLElement && active !== document.body ? active : null;
  }, [open]);
  const returnFocusTo = () =>
    opener.current?.isConnected
      ? opener.current
      : document.querySelector<HTMLElement>('#main h1');
  return (
    <SidePanel
      open={open}
      onClose={close}
      title={<>Workload {workloadId}</>}
      returnFocusTo={returnFocusTo}
    >
      {workloadId !== null && (
        <Details
          orgId={orgId}
          appId={appId}
          env={env}
          workloadId={workloadId}
          renderShell={renderShell}
        />
      )}
    </SidePanel>
  );
}

function Details({
  orgId,
  appId,
  env,
  workloadId,
  renderShell,
}: {
  orgId: string;
  appId: string;
  env: Environment;
  workloadId: string;
  renderShell?: (props: ShellSlotProps) => ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const mayShell = useCan(orgId, 'deploy', { appId, envType: env.type });
  const shellContainer = params.get('shell');
  const runtime = useRuntime(orgId, appId, env.id);
  const summary = useRuntimeSummary(orgId, appId, env.id);
  const paused =
    summary.data?.find((row) => row.id === env.id)?.paused ?? false;
  const containerId = params.get('container');
  const pod = params.get('pod') ?? undefined;
  const openShell = (container: string, podName: string, debug?: boolean) =>
    setParams(
      {
        workload: workloadId,
        shell: container,
        pod: podName,
        ...(debug ? { debug: '1' } : {}),
      },
      { replace: true },
    );
  const openLogs = (container: string, podName: string) =>
    setParams(
      { workload: workloadId, container, pod: podName },
      { replace: true },
    );
  if (runtime.isPending)
    return <Skeleton rows={6} label="Loading the workload's runtime" />;
  if (runtime.isError)
    return (
      <ErrorPanel
        error={runtime.error}
        action="load the runtime"
        onRetry={() => runtime.refetch()}
      />
    );
  const module = runtime.data.modules[workloadId];
  if (!module)
    return (
      <WorkloadNotRunning
        orgId={orgId}
        appId={appId}
        env={env}
        workloadId={workloadId}
      />
    );
  const figures = runtimeSummary(module)!;
  const controllers = Object.entries(module.controllers).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const scalable = controllers.some(([, c]) => c.kind === 'Deployment');
  return (
    <>
      <div className="runtime-facts">
        <StatusBadge
          status={runtimeStatus(module.status_class, module.status)}
        />
        <span>
          {figures.ready}/{figures.desired} replicas ready · {figures.restarts}{' '}
          restarts
        </span>
        {scalable && (
          <ScaleControl
            orgId={orgId}
            appId={appId}
            envId={env.id}
            envType={env.type}
            workloadId={workloadId}
            desired={figures.desired}
            paused={paused}
          />
        )}
        <Link
          className="button button--small"
          to={paths.workload(orgId, appId, env.id, workloadId)}
        >
          Edit workload
        </Link>
      </div>
      {controllers.length === 0 && (
        <p className="muted">
          The runtime reports no controller for this workload.
        </p>
      )}
      {controllers.map(([name, controller]) => (
        <RuntimePods
          key={name}
          name={name}
          controller={controller}
          statusClass={module.status_class}
          onLogs={openLogs}
          shell={
            renderShell && {
              can: mayShell,
              open: openShell,
            }
          }
        />
      ))}
      {renderShell && shellContainer !== null && (!shellContainer || !pod) && (
        <ShellTargetPicker
          controllers={controllers.map(([, c]) => c)}
          open={openShell}
        />
      )}
      {renderShell &&
        shellContainer &&
        pod &&
        renderShell({
          orgId,
          appId,
          env,
          workloadId,
          containerId: shellContainer,
          podName: pod,
          debug: params.get('debug') === '1',
          onClose: () => {
            setParams({ workload: workloadId }, { replace: true });
            focusShellOpener(pod, shellContainer);
          },
          onLeave: () => focusShellOpener(pod, shellContainer),
        })}
      {containerId && (
        <ContainerLogs
          key={`${containerId}/${pod ?? ''}`}
          containerRef={{
            orgId,
            appId,
            envId: env.id,
            workloadId,
            containerId,
            pod,
          }}
          onClose={() => setParams({ workload: workloadId }, { replace: true })}
        />
      )}
    </>
  );
}

/** Focus back to the button that opened the shell of `container` in `pod` (it stays on the page while the shell is open). */
function focusShellOpener(pod: string, container: string) {
  document
    .querySelector<HTMLElement>(
      `[data-shell-opener="${CSS.escape(`${pod}/${container}`)}"]`,
    )
    ?.focus();
}

/** `&shell=` without a container or pod (the palette's "Open shell in…"): the first running container, else a debug container on the first pod. */
function ShellTargetPicker({
  controllers,
  open,
}: {
  controllers: RuntimeController[];
  open: (container: string, podName: string, debug: boolean) => void;
}) {
  const pods = controllers.flatMap((c) => c.pods ?? []);
  const running = pods
    .flatMap((p) => p.containerStatuses.map((c) => ({ p, c })))
    .find(({ c }) => c.state.running);
  const first = pods[0]?.containerStatuses[0];
  const target = running
    ? { container: running.c.name, pod: running.p.podName, debug: false }
    : first
      ? { container: first.name, pod: pods[0].podName, debug: true }
      : undefined;
  useEffect(() => {
    if (target) open(target.container, target.pod, target.debug);
    // Once: the address then names the container.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return target ? null : (
    <p className="muted">
      No pod is running: there is no container to open a shell in.
    </p>
  );
}
