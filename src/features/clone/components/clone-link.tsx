import { Link } from 'react-router';
import { paths } from '@/config/paths';

/** "Clone to…": opens the clone flow with this environment (and deployment) as the source. */
export function CloneLink({
  orgId,
  appId,
  envId,
  deployId,
}: {
  orgId: string;
  appId: string;
  envId: string;
  deployId?: string;
}) {
  return (
    <Link
      className="button"
      to={paths.clone(orgId, appId, { from: envId, deploy: deployId })}
    >
      Clone to…
    </Link>
  );
}
