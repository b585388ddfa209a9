import { useEffect, useState } from 'react';
import type { ResourceMatchRequest } from '@/api/resource-definitions';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { focusHeadingSoon } from '@/lib/focus';
import { useResourceMatch } from '../queries';
import { MatchForm, type MatchQuery } from './match-form';
import { MatchResult } from './match-result';
import './resource-definitions.css';

/** The API request for a complete query (app, environment, type and resource id chosen), else none. */
export function matchRequest(q: MatchQuery): ResourceMatchRequest | undefined {
  if (!q.app || !q.env || !q.type || !q.res) return undefined;
  return {
    type: q.type,
    res_id: q.res,
    app_id: q.app,
    env_id: q.env,
    ...(q.class ? { class: q.class } : {}),
  };
}

/**
 * "Which definition matches?": the resource picked (kept in the URL, so a
 * link reproduces it), then the winner and every candidate ranked with why.
 */
export function MatchPage({
  orgId,
  query,
  onQuery,
}: {
  orgId: string;
  query: MatchQuery;
  onQuery: (query: MatchQuery) => void;
}) {
  const request = matchRequest(query);
  const match = useResourceMatch(orgId, request);
  const what = request
    ? `${request.type} ${request.res_id}${request.class ? ` (class ${request.class})` : ''} of ${request.app_id} / ${request.env_id}`
    : '';
  // "Find the definition" rebuilds the form for the new query (its button had focus): once the answer,
  // or the refusal, is there, focus goes to it.
  const [asked, setAsked] = useState(0);
  // One outcome per question: a background refetch that fails or recovers later changes none of it, so focus
  // never jumps from wherever the user is by then.
  const outcome =
    request && match.data
      ? 'match-answer-heading'
      : request && match.isError
        ? 'match-error-heading'
        : undefined;
  useEffect(() => {
    if (asked > 0 && outcome) return focusHeadingSoon(outcome);
  }, [asked, outcome]);
  return (
    <div className="stack">
      <MatchForm
        key={JSON.stringify(query)}
        orgId={orgId}
        initial={query}
        onSubmit={(next) => {
          setAsked((n) => n + 1);
          onQuery(next);
        }}
      />
      {!request && (
        <p className="muted">
          Pick an app, an environment, a resource type and the resource id to
          see which definition provisions it.
        </p>
      )}
      {request && match.isPending && (
        <Skeleton rows={4} label="Matching the resource" />
      )}
      {match.isError && (
        <ErrorPanel
          error={match.error}
          action="match the resource"
          headingId="match-error-heading"
          onRetry={() => match.refetch()}
        />
      )}
      {request && match.data && (
        <MatchResult orgId={orgId} result={match.data} what={what} />
      )}
    </div>
  );
}
