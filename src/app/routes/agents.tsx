import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { AgentsPage } from '@/features/agents/components/agents-page';

/** Agents: the organisation's Humanitec Agents (administrators). */
export function Component() {
  const { orgId = '' } = useParams();
  return (
    <>
      <PageHeader title="Agents" />
      <AgentsPage orgId={orgId} />
    </>
  );
}

export { RouteError as ErrorBoundary } from './route-error';
