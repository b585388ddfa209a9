import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  LoaderFunctionArgs,
  ShouldRevalidateFunctionArgs,
} from 'react-router';
import {
  redirect,
  useLoaderData,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import { ApiError } from '@/api/client';
import { deploymentQueries } from '@/api/queries/deployments';
import { envQueries } from '@/api/queries/environments';
import { setQueries } from '@/api/queries/sets';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { paths } from '@/config/paths';
import { DeploymentPicker } from '@/features/diff/components/deployment-picker';
import { DiffActions } from '@/features/diff/components/diff-actions';
import { DiffResult } from '@/features/diff/components/diff-result';
import { DeploymentValuesDiff } from '@/features/values/components/deployment-values-diff';
import {
  parseRef,
  readableQuery,
  type DeploymentRef,
} from '@/features/diff/utils/diff-params';
import { readView, writeView, type ViewOptions } from '@/lib/diff/view-options';
import { RouteError } from './route-error';

type Params = { orgId: string; appId: string };
type DiffLoaderData = { unknown: { from: boolean; to: boolean } } | null;

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    // User Timing mark: the benchmark (e2e/bench/diff-bench.ts) measures from here to the summary.
    performance.mark('diff:loader');
    const { orgId, appId } = params as Params;
    const search = new URL(request.url).searchParams;
    const from = parseRef(search.get('from'));
    const to = parseRef(search.get('to'));
    const envs = queryClient.ensureQueryData(envQueries.list(orgId, appId));
    if (!from || !to) {
      await envs;
      return null;
    }
    // Coming from a deployment history, both deployments are in the cached list already: no round trip.
    const deployment = (ref: DeploymentRef) => {
      const detail = deploymentQueries.detail(
        orgId,
        appId,
        ref.envId,
        ref.deployId,
      );
      const listed = queryClient
        .getQueryData(deploymentQueries.list(orgId, appId, ref.envId).queryKey)
        ?.find((d) => d.id === ref.deployId);
      if (listed && !queryClient.getQueryData(detail.queryKey))
        queryClient.setQueryData(detail.queryKey, listed);
      // An unknown deployment (or environment) on one side keeps the page and its pickers; the page says which side.
      return queryClient.ensureQueryData(detail).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      });
    };
    /** The one deployment of the environment whose id starts with `ref.deployId` (4 characters or more). */
    const wholeId = async (ref: DeploymentRef) => {
      if (!/^[0-9a-f]{4,}$/i.test(ref.deployId)) return undefined;
      const list = await queryClient
        .ensureQueryData(deploymentQueries.list(orgId, appId, ref.envId))
        .catch(() => undefined);
      const matches = (list ?? []).filter((d) =>
        d.id.toLowerCase().startsWith(ref.deployId.toLowerCase()),
      );
      return matches.length === 1 ? matches[0].id : undefined;
    };
    const [a, b] = await Promise.all([deployment(from), deployment(to), envs]);
    if (!a || !b) {
      // The short ids the console shows (8 characters) name a deployment too when one of the environment's
      // deployments starts with them: the address is made whole (a permalink of full ids) and loads again.
      const [fullFrom, fullTo] = await Promise.all([
        a ? from.deployId : wholeId(from),
        b ? to.deployId : wholeId(to),
      ]);
      if (fullFrom && fullTo) {
        const url = new URL(request.url);
        url.searchParams.set('from', `${from.envId}/${fullFrom}`);
        url.searchParams.set('to', `${to.envId}/${fullTo}`);
        throw redirect(`${url.pathname}?${readableQuery(url.searchParams)}`);
      }
      return { unknown: { from: !a, to: !b } } satisfies DiffLoaderData;
    }
    // The summary needs only the delta. The sets (values, text diffs) are fetched by the page once the
    // summary is on screen, so their size never delays it.
    await queryClient.ensureQueryData(
      setQueries.diff(orgId, appId, b.set_id, a.set_id),
    );
    return null;
  };

/** View options (layout, context, filter) live in the URL too, but only a new pair of deployments loads data. */
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  const same = (key: string) =>
    currentUrl.searchParams.get(key) === nextUrl.searchParams.get(key);
  return currentUrl.pathname !== nextUrl.pathname ||
    !same('from') ||
    !same('to')
    ? defaultShouldRevalidate
    : false;
}

export function Component() {
  const { orgId, appId } = useParams() as Params;
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const from = parseRef(search.get('from'));
  const to = parseRef(search.get('to'));
  // The view answers at once (local state); the URL follows, so a permalink reproduces it.
  const [view, setView] = useState(() => readView(search));
  const invalid = (search.has('from') && !from) || (search.has('to') && !to);
  const unknown = (useLoaderData() as DiffLoaderData | undefined)?.unknown;
  const missing = (['from', 'to'] as const).filter((side) => unknown?.[side]);

  const onViewChange = (next: ViewOptions) => {
    setView(next);
    navigate(
      { search: `?${readableQuery(writeView(search, next))}` },
      { replace: true, preventScrollReset: true },
    );
  };
  const onCompare = (a: DeploymentRef, b: DeploymentRef) => {
    const next = { ...view, query: '' };
    setView(next);
    const options = writeView(new URLSearchParams(), next).toString();
    navigate(
      `${paths.diff(orgId, appId, a, b)}${options ? `&${options}` : ''}`,
    );
  };

  return (
    <>
      <PageHeader
        title="Compare deployments"
        // A new comparison (Compare, Swap) rebuilds the picker that had focus: focus goes to the heading.
        focusKey={`${search.get('from')}|${search.get('to')}`}
        actions={
          from && to && missing.length === 0 ? (
            <DiffActions orgId={orgId} appId={appId} from={from} to={to} />
          ) : undefined
        }
      >
        <span>
          Application <code>{appId}</code>
        </span>
      </PageHeader>
      <DeploymentPicker
        key={`${search.get('from')}|${search.get('to')}`}
        orgId={orgId}
        appId={appId}
        // A deployment unknown on one side: its environment stays chosen, the deployment is to choose again.
        from={
          unknown?.from && from ? { envId: from.envId, deployId: '' } : from
        }
        to={unknown?.to && to ? { envId: to.envId, deployId: '' } : to}
        onCompare={onCompare}
      />
      {missing.length > 0 && (
        <p role="alert" className="error-message">
          {missing.map((side, i) => {
            const ref = side === 'from' ? from! : to!;
            return (
              <span key={side}>
                {i > 0 && ' '}
                The {side === 'from' ? 'From' : 'To'} deployment{' '}
                <code>{`${ref.envId}/${ref.deployId}`}</code> does not exist in{' '}
                <code>{appId}</code>.
              </span>
            );
          })}{' '}
          Choose{' '}
          {missing.length === 2
            ? 'both deployments'
            : `the ${missing[0] === 'from' ? 'From' : 'To'} deployment`}{' '}
          above.
        </p>
      )}
      {invalid && (
        <p role="alert" className="error-message">
          The address names a deployment as <code>environment/deployment</code>;
          choose both above instead.
        </p>
      )}
      {from && to && missing.length === 0 ? (
        <>
          <DiffResult
            orgId={orgId}
            appId={appId}
            from={from}
            to={to}
            view={view}
            onViewChange={onViewChange}
          />
          <DeploymentValuesDiff
            orgId={orgId}
            appId={appId}
            from={from}
            to={to}
          />
        </>
      ) : (
        <EmptyState title="Choose two deployments to compare">
          Pick a deployment on each side (any environment) and press Compare, or
          use “Compare with previous” in an environment’s deployment history.
        </EmptyState>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
