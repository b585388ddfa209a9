import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  LoaderFunctionArgs,
  ShouldRevalidateFunctionArgs,
} from 'react-router';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { envQueries } from '@/api/queries/environments';
import { PageHeader } from '@/components/layout/page-header';
import { CloneFlow } from '@/features/clone/components/clone-flow';
import {
  readCloneParams,
  writeCloneParams,
  type CloneParams,
} from '@/features/clone/utils/clone-params';
import { RouteError } from './route-error';

type Params = { orgId: string; appId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId } = params as Params;
    await queryClient.ensureQueryData(envQueries.list(orgId, appId));
    return null;
  };

/** The selection lives in the URL; changing it must not reload the page's data. */
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname
    ? false
    : defaultShouldRevalidate;
}

export function Component() {
  const { orgId, appId } = useParams() as Params;
  const [search] = useSearchParams();
  const navigate = useNavigate();
  // The state answers at once (a checkbox must not wait for the navigation); the URL follows, so a reload keeps it.
  const urlText = writeCloneParams(readCloneParams(search));
  const [local, setLocal] = useState(() => ({
    params: readCloneParams(search),
    synced: urlText,
  }));
  const localText = writeCloneParams(local.params);
  if (urlText !== local.synced && urlText !== localText) {
    // The URL changed from outside (a link, the palette, back): follow it.
    setLocal({ params: readCloneParams(search), synced: urlText });
  } else if (urlText === localText && local.synced !== urlText) {
    setLocal({ ...local, synced: urlText });
  }
  const onChange = (next: CloneParams) => {
    setLocal((current) => ({ ...current, params: next }));
    navigate(
      { search: `?${writeCloneParams(next)}` },
      { replace: true, preventScrollReset: true },
    );
  };
  const params = local.params;
  return (
    <>
      <PageHeader title="Clone to another environment">
        <span>
          Application <code>{appId}</code>
        </span>
      </PageHeader>
      <CloneFlow
        orgId={orgId}
        appId={appId}
        params={params}
        onChange={onChange}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
