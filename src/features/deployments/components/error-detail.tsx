import { Link } from 'react-router';
import type { DeploymentError } from '@/api/types';
import { BannerLinks } from '@/components/ui/banner';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorHint } from '@/components/ui/error-hint';
import { paths } from '@/config/paths';
import { catalogueEntry } from '@/lib/error-catalogue';

interface ErrorDetailProps {
  error: DeploymentError;
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
  /** The deployment this one was based on, when it is in the same environment (for the diff link). */
  baseDeployId?: string;
}

/** `modules.<id>.externals.<name>` → the workload; a workload error → its id. */
function workloadOf(error: DeploymentError) {
  if (error.scope === 'workload') return error.object_id;
  return /^modules\.([^.]+)\.externals\./.exec(error.object_id)?.[1];
}

/** One deployment error in full (copyable), its code, the catalogue's hint, and where to fix it. */
export function ErrorDetail({
  error,
  orgId,
  appId,
  envId,
  deployId,
  baseDeployId,
}: ErrorDetailProps) {
  const workload = workloadOf(error);
  const shared = /^shared\.(.+)$/.exec(error.object_id)?.[1];
  const full = `${error.code} ${error.summary} (${error.scope} ${error.object_id})\n${error.message}`;
  return (
    <div className="stack">
      <p>
        <strong>{error.summary}</strong> · {error.scope}{' '}
        <code>{error.object_id}</code> · code <code>{error.code}</code>{' '}
        <span className="muted">{error.error_type}</span>
      </p>
      <pre className="error-message">{error.message}</pre>
      <ErrorHint code={error.code} />
      <BannerLinks>
        <CopyButton text={full} label={`the full error ${error.code}`} />
        {catalogueEntry(error.code)?.next === 'values' && (
          // A value or secret the workload reads is fixed where values are kept.
          <Link
            className="button button--small"
            to={paths.values(orgId, appId)}
          >
            Open the app’s values
          </Link>
        )}
        {workload && (
          <Link
            className="button button--small"
            to={paths.workload(orgId, appId, envId, workload)}
          >
            Open workload {workload}
          </Link>
        )}
        {shared && (
          <a className="button button--small" href="#set-heading">
            Show shared resource {shared}
          </a>
        )}
        {baseDeployId && (
          <Link
            className="button button--small"
            to={paths.diff(
              orgId,
              appId,
              { envId, deployId: baseDeployId },
              { envId, deployId },
            )}
          >
            Compare with the previous deployment
          </Link>
        )}
      </BannerLinks>
    </div>
  );
}
