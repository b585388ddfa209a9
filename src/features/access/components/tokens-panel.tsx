import { useState } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { useCan } from '@/hooks/use-can';
import { countOf, formatDay, formatDaysUntil } from '@/lib/format';
import { useDeleteExpiredTokens, useRevokeToken } from '../mutations';
import { useOrgTokens } from '../queries';
import { TokenForm } from './token-form';
import { DataTable } from '@/components/ui/data-table';

const WEEK_MS = 7 * 24 * 3600_000;

function expiry(expiresAt: string | undefined, expired: boolean, now: number) {
  if (!expiresAt) return <span className="muted">Never</span>;
  if (expired) return <strong>Expired</strong>;
  const soon = Date.parse(expiresAt) - now < WEEK_MS;
  return (
    <span>
      {soon && <strong>Expires soon: </strong>}
      {/* The day it stops working, and how far away by the calendar ("in 30 days" for every token of that day). */}
      {formatDay(expiresAt)} ({formatDaysUntil(expiresAt, now)})
    </span>
  );
}

/** API tokens of the organisation: create (shown once), expiry, last use, revoke, clean up expired ones. */
export function TokensPanel({ orgId }: { orgId: string }) {
  const may = useCan(orgId, 'manage-org');
  const tokens = useOrgTokens(orgId, may.allowed && !may.loading);
  const revoke = useRevokeToken(orgId);
  const cleanup = useDeleteExpiredTokens(orgId);
  const [now] = useState(() => Date.now());
  const expiredCount = tokens.data?.filter((t) => t.expired).length ?? 0;

  return (
    <Panel
      titleId="tokens-heading"
      title="API tokens"
      actions={
        expiredCount > 0 && (
          <GuardedButton
            can={may}
            className="button"
            disabled={cleanup.isPending}
            onClick={() => cleanup.mutate()}
          >
            Delete {countOf(expiredCount, 'expired token')}
          </GuardedButton>
        )
      }
    >
      <PanelBody className="stack">
        {!may.allowed && <p className="muted">{may.reason}</p>}
        {may.allowed && tokens.isPending && (
          <Skeleton rows={2} label="Loading tokens" />
        )}
        {may.allowed && tokens.isError && (
          <ErrorPanel
            error={tokens.error}
            action="load the tokens"
            onRetry={() => tokens.refetch()}
          />
        )}
        {tokens.data?.length === 0 && <p className="muted">No tokens yet.</p>}
        {tokens.data && tokens.data.length > 0 && (
          <DataTable
            caption="API tokens"
            columns={[
              'Token',
              'Service user',
              'Scope',
              'Expires',
              'Last used',
              <span className="visually-hidden">Actions</span>,
            ]}
            rows={tokens.data}
            renderRow={(t) => (
              <tr key={`${t.user_id}/${t.id}`}>
                <td>
                  <code>{t.id}</code>{' '}
                  <span className="muted">{t.description}</span>
                </td>
                <td>
                  <code>{t.user_id}</code>
                </td>
                <td>
                  {[
                    t.scope?.read_only ? 'read-only' : null,
                    t.scope?.apps ? `apps: ${t.scope.apps.join(', ')}` : null,
                    t.scope?.env_types
                      ? `env types: ${t.scope.env_types.join(', ')}`
                      : null,
                  ]
                    .filter(Boolean)
                    .join('; ') || 'all of the user’s roles'}
                </td>
                <td>{expiry(t.expires_at, t.expired, now)}</td>
                <td>
                  {t.last_used_at ? (
                    <RelativeTime iso={t.last_used_at} />
                  ) : (
                    <span className="muted">Never</span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Revoke token ${t.id} of ${t.user_id}`}
                    disabled={revoke.isPending}
                    onClick={() =>
                      revoke.mutate({ userId: t.user_id, tokenId: t.id })
                    }
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            )}
          />
        )}
        {revoke.isError && (
          <ErrorPanel error={revoke.error} action="revoke the token" />
        )}
        {cleanup.isError && (
          <ErrorPanel
            error={cleanup.error}
            action="delete the expired tokens"
          />
        )}
        {may.allowed && <TokenForm orgId={orgId} />}
      </PanelBody>
    </Panel>
  );
}
