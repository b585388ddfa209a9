import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import type { MatchQuery } from '@/features/resource-definitions/components/match-form';
import { MatchPage } from '@/features/resource-definitions/components/match-page';
import { RouteError } from './route-error';
import { revalidateOnNewPath } from './route-kit';

const FIELDS = ['app', 'env', 'type', 'class', 'res'] as const;

/** "Which definition matches?" (`?app=&env=&type=&class=&res=`). */
export function Component() {
  const { orgId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = Object.fromEntries(
    FIELDS.map((f) => [f, search.get(f) ?? '']),
  ) as unknown as MatchQuery;
  const onQuery = (next: MatchQuery) =>
    setSearch(
      Object.fromEntries(
        FIELDS.filter((f) => next[f]).map((f) => [f, next[f]]),
      ),
    );
  return (
    <>
      <PageHeader title="Which definition matches?">
        <p className="muted">
          The resource definition a deployment would provision a resource from,
          and why every other definition of its type lost.
        </p>
      </PageHeader>
      <MatchPage orgId={orgId} query={query} onQuery={onQuery} />
    </>
  );
}

export const ErrorBoundary = RouteError;
export const shouldRevalidate = revalidateOnNewPath;
