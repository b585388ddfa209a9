import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { appQueries } from '@/api/queries/apps';
import { healthQueries } from '@/api/queries/health';
import { PageHeader } from '@/components/layout/page-header';
import { AppsTable } from '@/features/apps/components/apps-table';
import { NewAppButton } from '@/features/apps/components/new-app-button';
import { NeedsAttention } from '@/features/health/components/needs-attention';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    // Health is an extension and slower on a large organisation: asked for
    // after the list (an API answers in order), awaited a moment at most; its panel shows
    // a skeleton, its own error or "unavailable".
    // The first page of the list (a 10,000-app organisation is paged, see AppsTable).
    const apps = queryClient.ensureInfiniteQueryData(
      appQueries.pages(params.orgId!, ''),
    );
    const health = new Promise<void>((resolve) =>
      setTimeout(
        () =>
          resolve(
            queryClient.prefetchInfiniteQuery(
              healthQueries.attention(params.orgId!),
            ),
          ),
        0,
      ),
    );
    const list = await apps;
    // Health mostly follows the list within milliseconds: waiting for it a moment paints the page
    // once, instead of the attention list growing above the applications and pushing them down (a
    // layout shift of 0.42 on a phone, Lighthouse). A slower health shows its skeleton after that.
    // A large organisation's health covers every environment and takes longer than the wait
    // (0.2 s for 10,000 apps): waiting would only hold the list back.
    if ((list.pages[0]?.total ?? 0) > HEALTH_GRACE_MAX_APPS) return null;
    await Promise.race([
      health,
      new Promise((resolve) => setTimeout(resolve, HEALTH_GRACE_MS)),
    ]);
    return null;
  };

/** How long the page waits for the organisation's health once the list is there. */
const HEALTH_GRACE_MS = 150;
/** Above this many apps, it does not wait (health takes longer than {@link HEALTH_GRACE_MS}). */
const HEALTH_GRACE_MAX_APPS = 2_000;

export function Component() {
  const { orgId } = useParams() as { orgId: string };
  return (
    <>
      <PageHeader
        title="Applications"
        actions={<NewAppButton orgId={orgId} />}
      />
      <NeedsAttention orgId={orgId} />
      <Panel titleId="apps-heading" title="All applications">
        <PanelBody flush>
          <AppsTable orgId={orgId} />
        </PanelBody>
      </Panel>
    </>
  );
}

export const ErrorBoundary = RouteError;
