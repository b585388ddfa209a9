import { Link, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';

/** Where you are: Apps › App › Environment › Deployment / Workload, from the URL. */
export function Breadcrumbs() {
  const { orgId, appId, envId, deployId, workloadId } = useParams();
  if (!orgId || !appId) return null;
  const crumbs: { label: string; to: string }[] = [
    { label: 'Apps', to: paths.apps(orgId) },
    { label: appId, to: paths.app(orgId, appId) },
  ];
  if (envId) crumbs.push({ label: envId, to: paths.env(orgId, appId, envId) });
  if (envId && deployId) {
    crumbs.push({ label: `Deployment ${shortId(deployId)}`, to: paths.deployment(orgId, appId, envId, deployId) });
  }
  if (envId && workloadId) {
    crumbs.push({ label: workloadId, to: paths.workload(orgId, appId, envId, workloadId) });
  }
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={crumb.to}>
            {i === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <Link to={crumb.to}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
