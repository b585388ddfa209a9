import { useState } from 'react';
import type { ResourceDefinitionVersion } from '@/api/resource-definitions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { Skeleton } from '@/components/ui/skeleton';
import type { CanResult } from '@/hooks/use-can';
import { shortId } from '@/lib/format';
import { useVersionChanges } from '../mutations';
import { useDefinitionVersions } from '../queries';
import { IdText } from '@/components/ui/id-text';

type Action = 'promote' | 'archive' | 'restore';

const COPY: Record<Action, { verb: string; title: string; body: string }> = {
  promote: {
    verb: 'Promote',
    title: 'Make version {v} current?',
    body: 'The next deployments that match this definition provision with this version’s driver and inputs.',
  },
  archive: {
    verb: 'Archive',
    title: 'Archive version {v}?',
    body: 'An archived version can no longer be promoted until it is restored.',
  },
  restore: {
    verb: 'Restore',
    title: 'Restore version {v}?',
    body: 'It can be promoted again.',
  },
};

/** Promote, archive or restore one version, after confirming. */
function VersionAction({
  orgId,
  defId,
  version,
  action,
  can,
}: {
  orgId: string;
  defId: string;
  version: ResourceDefinitionVersion;
  action: Action;
  can: CanResult;
}) {
  const { promote, archive } = useVersionChanges(orgId, defId);
  const mutation = action === 'promote' ? promote : archive;
  const [open, setOpen] = useState(false);
  const copy = COPY[action];
  const short = shortId(version.id);
  const run = () => {
    const close = { onSuccess: () => setOpen(false) };
    if (action === 'promote') promote.mutate(version.id, close);
    else
      archive.mutate(
        { versionId: version.id, archived: action === 'archive' },
        close,
      );
  };
  return (
    <>
      <GuardedButton
        can={can}
        className="button button--small"
        aria-label={`${copy.verb} version ${short}`}
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {copy.verb}
      </GuardedButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={copy.title.replace('{v}', short)}
        confirmLabel={`${copy.verb} version`}
        danger={action === 'archive'}
        pending={mutation.isPending}
        error={mutation.error ?? undefined}
        onConfirm={run}
      >
        <p>{copy.body}</p>
      </ConfirmDialog>
    </>
  );
}

/** A definition's versions, newest first: who made each and when, which is current; promote and archive. */
export function VersionsPanel({
  orgId,
  defId,
  can,
}: {
  orgId: string;
  defId: string;
  can: CanResult;
}) {
  const versions = useDefinitionVersions(orgId, defId);
  const rows = [...(versions.data ?? [])].sort((a, b) =>
    b.created_at.localeCompare(a.created_at),
  );
  return (
    <Panel titleId="versions-heading" title="Versions">
      {versions.isPending && <Skeleton rows={3} label="Loading the versions" />}
      {versions.isError && (
        <ErrorPanel
          error={versions.error}
          action="load the versions"
          onRetry={() => versions.refetch()}
        />
      )}
      {versions.data && (
        <DataTable
          caption="Versions of the definition"
          label="Versions, scrollable"
          className="defs-table table--stack"
          columns={[
            'Version',
            'Made',
            'By',
            'Driver',
            'State',
            <span className="visually-hidden">Actions</span>,
          ]}
          rows={rows}
          empty={
            <PanelBody>
              <p className="muted">No versions.</p>
            </PanelBody>
          }
          renderRow={(v) => (
            <tr key={v.id} aria-current={v.active ? 'true' : undefined}>
              <th scope="row" data-label="Version">
                <ShortId id={v.id} label="Version id" />
              </th>
              <td data-label="Made">
                <RelativeTime iso={v.created_at} />
                {v.action && <span className="muted"> · {v.action}</span>}
              </td>
              <td data-label="By">{v.created_by}</td>
              <td data-label="Driver">
                <code>
                  <IdText text={v.driver_type} />
                </code>
              </td>
              <td data-label="State">
                {v.active ? (
                  <span className="chip">Current</span>
                ) : v.archived ? (
                  <span className="muted">Archived</span>
                ) : v.proposed ? (
                  <span className="muted">Proposed</span>
                ) : (
                  <span className="muted">Earlier</span>
                )}
              </td>
              <td>
                {!v.active && (
                  <div className="row">
                    {!v.archived && (
                      <VersionAction
                        orgId={orgId}
                        defId={defId}
                        version={v}
                        action="promote"
                        can={can}
                      />
                    )}
                    <VersionAction
                      orgId={orgId}
                      defId={defId}
                      version={v}
                      action={v.archived ? 'restore' : 'archive'}
                      can={can}
                    />
                  </div>
                )}
              </td>
            </tr>
          )}
        />
      )}
    </Panel>
  );
}
