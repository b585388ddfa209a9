import { Link } from 'react-router';
import type { Environment } from '@/api/types';
import { paths } from '@/config/paths';
import { useOptionalEnvironmentSet } from '../queries';

/** Why the runtime has no such workload: it does not exist in the environment's deployment, or it is not running. */
export function WorkloadNotRunning({
  orgId,
  appId,
  env,
  workloadId,
}: {
  orgId: string;
  appId: string;
  env: Environment;
  workloadId: string;
}) {
  const setId = env.last_deploy?.set_id;
  const set = useOptionalEnvironmentSet(orgId, appId, setId);
  const known = set.data
    ? Object.keys(set.data.modules ?? {}).sort()
    : undefined;
  const exists = known?.includes(workloadId);
  const back = (
    <Link to={paths.env(orgId, appId, env.id)}>Back to the environment</Link>
  );
  if (!setId || exists === false) {
    return (
      <div className="stack">
        <p>
          {workloadId === '' ? (
            // `?workload=` with no id (a link cut short).
            <>No workload is named for {env.name} (</>
          ) : (
            <>
              Workload <code>{workloadId}</code> does not exist in {env.name} (
            </>
          )}
          <code>{env.id}</code>)
          {known && known.length > 0
            ? '. Its workloads are:'
            : ': nothing is deployed here.'}
        </p>
        {known && known.length > 0 && (
          <ul>
            {known.map((id) => (
              <li key={id}>
                <Link to={`?workload=${encodeURIComponent(id)}`} replace>
                  {id}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p>{back}</p>
      </div>
    );
  }
  return (
    <p>
      Workload <code>{workloadId}</code> is not running in {env.name} (
      <code>{env.id}</code>). {back}
    </p>
  );
}
