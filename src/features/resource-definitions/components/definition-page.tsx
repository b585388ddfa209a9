import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import type { CanResult } from '@/hooks/use-can';
import { useDefinitionChanges } from '../mutations';
import { useResourceDefinition } from '../queries';
import { CriteriaEditor } from './criteria-editor';
import { DefinitionEditor } from './definition-editor';
import { DefinitionUsage } from './definition-usage';
import { VersionsPanel } from './versions-panel';
import './resource-definitions.css';

/** Deletes the definition after confirming; the API refuses while resources use it (409). */
export function DeleteDefinition({
  orgId,
  defId,
  can,
}: {
  orgId: string;
  defId: string;
  can: CanResult;
}) {
  const { remove } = useDefinitionChanges(orgId);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <GuardedButton
        can={can}
        className="button"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        Delete definition
      </GuardedButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete resource definition ${defId}?`}
        confirmLabel="Delete definition"
        danger
        pending={remove.isPending}
        error={remove.error ?? undefined}
        onConfirm={() =>
          remove.mutate(defId, {
            onSuccess: () => navigate(paths.resourceDefs(orgId)),
          })
        }
      >
        <p>
          Resources it matches are matched again at their next deployment, to
          another definition or none. A definition active resources still use
          cannot be deleted.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** A definition: its driver and inputs (edited as a new version), criteria, versions and where it is used. */
export function DefinitionPage({
  orgId,
  defId,
  can,
}: {
  orgId: string;
  defId: string;
  can: CanResult;
}) {
  const def = useResourceDefinition(orgId, defId);
  // The version saved from this page: the editor re-opened on it says it was saved.
  const [savedVersion, setSavedVersion] = useState<string>();
  if (def.isPending)
    return <Skeleton rows={8} label="Loading the resource definition" />;
  if (def.isError)
    return (
      <ErrorPanel
        error={def.error}
        action="load the resource definition"
        onRetry={() => def.refetch()}
      >
        <Link to={paths.resourceDefs(orgId)}>Back to resource definitions</Link>
      </ErrorPanel>
    );
  return (
    <div className="stack">
      <p>
        <Link to={paths.resourceMatch(orgId, { type: def.data.type })}>
          Which definition matches a {def.data.type} resource?
        </Link>
      </p>
      <CriteriaEditor orgId={orgId} def={def.data} can={can} />
      {/* A new version re-opens the editor on it (the draft was cleared on save). */}
      <DefinitionEditor
        key={def.data.active_version_id}
        orgId={orgId}
        def={def.data}
        can={can}
        justSaved={savedVersion === def.data.active_version_id}
        onSaved={(saved) => setSavedVersion(saved.active_version_id)}
      />
      <VersionsPanel orgId={orgId} defId={defId} can={can} />
      <DefinitionUsage orgId={orgId} defId={defId} />
    </div>
  );
}
