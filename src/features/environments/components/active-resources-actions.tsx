import { useId, useState } from 'react';
import type { ActiveResource } from '@/api/active-resources';
import { ApiText } from '@/components/ui/api-text';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { FormDialog, FormDialogTrigger } from '@/components/ui/form-dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { CanResult } from '@/hooks/use-can';
import { describeError } from '@/lib/errors';
import { formatAbsolute, shortId } from '@/lib/format';
import { useActiveResourceChanges } from '../mutations';
import { useDefinitionVersions } from '../queries';

interface ResourceActionProps {
  orgId: string;
  appId: string;
  envId: string;
  resource: ActiveResource;
  can: CanResult;
}

/** The select's value for "no pin": the definition's current version decides, as for any resource. */
const UNPINNED = '';

/** An API refusal in place, in the API's words (ids as code). */
function Refusal({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className="field__error">
      <ApiText text={describeError(error).message} />
    </p>
  );
}

/** The picker of a definition's versions: the current one first-class, archived ones left out unless pinned. */
function VersionPicker({
  orgId,
  resource,
  value,
  onChange,
}: {
  orgId: string;
  resource: ActiveResource;
  value: string;
  onChange: (versionId: string) => void;
}) {
  const id = useId();
  const versions = useDefinitionVersions(orgId, resource.def_id);
  if (versions.isPending)
    return <Skeleton rows={1} label="Loading the definition’s versions" />;
  if (versions.isError)
    return (
      <ErrorPanel
        error={versions.error}
        action={`load the versions of ${resource.def_id}`}
        onRetry={() => void versions.refetch()}
      />
    );
  const choices = [...versions.data]
    .filter((v) => !v.archived || v.id === resource.target_def_version_id)
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <div className="field">
      <label htmlFor={id}>Version of {resource.def_id}</label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value={UNPINNED}>Not pinned: the current version</option>
        {choices.map((v) => (
          <option key={v.id} value={v.id}>
            {shortId(v.id)} · made {formatAbsolute(v.created_at)}
            {v.active ? ' · current' : ''}
            {v.id === resource.def_version_id ? ' · provisioned it' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Pin the resource to a version of its definition, or unpin it, in a dialog with the definition's versions. */
export function PinResource({
  orgId,
  appId,
  envId,
  resource,
}: Omit<ResourceActionProps, 'can'>) {
  const { pin } = useActiveResourceChanges(orgId, appId, envId);
  const [open, setOpen] = useState(false);
  const pinned = resource.target_def_version_id ?? UNPINNED;
  const [choice, setChoice] = useState(pinned);
  const openDialog = (next: boolean) => {
    if (next) {
      pin.reset();
      setChoice(pinned);
    }
    setOpen(next);
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={openDialog}
      trigger={
        <FormDialogTrigger
          className="button button--small"
          aria-label={`Pin ${resource.res_id} to a version`}
        >
          Pin
        </FormDialogTrigger>
      }
      title={`Pin ${resource.res_id} to a version`}
      description={
        <>
          Later deployments provision <code>{resource.res_id}</code> with the
          version you pick while <code>{resource.def_id}</code> still matches
          it, even when another version becomes current.
        </>
      }
      submitLabel={
        choice === UNPINNED && pinned !== UNPINNED ? 'Unpin' : 'Pin version'
      }
      pending={pin.isPending}
      canSubmit={choice !== pinned}
      error={<Refusal error={pin.error} />}
      onSubmit={() =>
        pin.mutate(
          {
            type: resource.type,
            resId: resource.res_id,
            versionId: choice === UNPINNED ? null : choice,
          },
          { onSuccess: () => setOpen(false) },
        )
      }
    >
      <VersionPicker
        orgId={orgId}
        resource={resource}
        value={choice}
        onChange={setChoice}
      />
    </FormDialog>
  );
}

/** Delete the resource after confirming; the API's refusal shows in the dialog. */
export function DeleteResource({
  orgId,
  appId,
  envId,
  resource,
  can,
}: ResourceActionProps) {
  const { remove } = useActiveResourceChanges(orgId, appId, envId);
  return (
    <ConfirmDelete
      can={can}
      label={`Delete ${resource.res_id}`}
      title={`Delete ${resource.res_id}?`}
      confirmLabel="Delete resource"
      remove={remove}
      variables={{ type: resource.type, resId: resource.res_id }}
    >
      <p>
        <code>{resource.res_id}</code> ({resource.type}) is no longer an active
        resource of <code>{envId}</code>, and its pin goes with it. The next
        deployment that asks for it matches a definition again and provisions it
        anew.
      </p>
    </ConfirmDelete>
  );
}
