import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { resourceDefQueries } from '@/api/queries/resource-definitions';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { DefinitionEditor } from '@/features/resource-definitions/components/definition-editor';
import {
  DefinitionPage,
  DeleteDefinition,
} from '@/features/resource-definitions/components/definition-page';
import { useCan } from '@/hooks/use-can';
import { RouteError } from './route-error';
import { revalidateOnNewPath } from './route-kit';

type Params = { orgId: string; defId: string };

export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const { orgId, defId } = params as Params;
    void queryClient.prefetchQuery(resourceDefQueries.drivers(orgId));
    if (defId !== 'new') {
      void queryClient.prefetchQuery(resourceDefQueries.detail(orgId, defId));
      void queryClient.prefetchQuery(resourceDefQueries.versions(orgId, defId));
    }
    return null;
  };

/** A resource definition (`new`: create one; `?type=` starts it with a type). */
export function Component() {
  const { orgId, defId } = useParams() as Params;
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const can = useCan(orgId, 'resource-defs');
  if (defId === 'new')
    return (
      <>
        <PageHeader title="New resource definition">
          <p className="muted">
            Pick a type and a driver, fill the driver&apos;s inputs; add its
            matching criteria once it is created.
          </p>
        </PageHeader>
        <DefinitionEditor
          orgId={orgId}
          initialType={search.get('type') ?? undefined}
          can={can}
          onCreated={(id) => navigate(paths.resourceDef(orgId, id))}
        />
      </>
    );
  return (
    <>
      <PageHeader
        title={defId}
        documentTitle={`Resource definition ${defId}`}
        actions={<DeleteDefinition orgId={orgId} defId={defId} can={can} />}
      />
      <DefinitionPage orgId={orgId} defId={defId} can={can} />
    </>
  );
}

export const ErrorBoundary = RouteError;
export const shouldRevalidate = revalidateOnNewPath;
