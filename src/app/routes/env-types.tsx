import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { DeployersPanel } from '@/features/access/components/deployers-panel';
import { EnvTypesPanel } from '@/features/settings/components/env-types-panel';

/** Settings › Environment types: the types, and who may deploy to each. */
export function Component() {
  const { orgId = '' } = useParams();
  return (
    <>
      <PageHeader title="Environment types">
        <Link to={paths.settings(orgId)}>Back to settings</Link>
      </PageHeader>
      <EnvTypesPanel orgId={orgId} />
      <DeployersPanel orgId={orgId} />
    </>
  );
}

export { RouteError as ErrorBoundary } from './route-error';
