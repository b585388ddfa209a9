import { useState } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { FormDialog, FormDialogTrigger } from '@/components/ui/form-dialog';
import { useCreateEnvironment } from '@/hooks/use-create-environment';
import { useEnvTypeIds } from '@/hooks/use-env-type-ids';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';
import { idProblem, MIN_ID_LENGTH } from '@/lib/ids';

interface CreateEnvDialogProps {
  orgId: string;
  appId: string;
  sourceEnvId: string;
  /** The deployment the new environment starts from (its base). */
  sourceDeployId: string | undefined;
  onCreated: (envId: string) => void;
}

/** "New environment…": creates an environment from the source deployment, then it becomes the clone's target. */
export function CreateEnvDialog({
  orgId,
  appId,
  sourceEnvId,
  sourceDeployId,
  onCreated,
}: CreateEnvDialogProps) {
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [type, setType] = useState('development');
  const create = useCreateEnvironment(orgId, appId);
  // The organisation's environment types (the three defaults until they load or if they cannot).
  const typeIds = useEnvTypeIds(orgId, open);
  const [tried, setTried] = useState(false);
  const badId = idProblem(id.trim(), 'qa-eu', MIN_ID_LENGTH.environment);
  // Said once tried, or as soon as something is typed that cannot be an id (in words, not a pattern).
  const showId = tried || id.trim() !== '' ? badId : undefined;
  const submit = () => {
    setTried(true);
    if (!sourceDeployId) return;
    if (badId) return focusFieldAfterSubmit('new-env-id');
    create.mutate(
      { id: id.trim(), name: id.trim(), type, fromDeployId: sourceDeployId },
      {
        onSuccess: (env) => {
          setOpen(false);
          setId('');
          setTried(false);
          onCreated(env.id);
        },
        onError: (error) =>
          focusFieldAfterSubmit(
            refusedFieldId(
              error,
              { id: 'new-env-id', type: 'new-env-type' },
              'new-env-id',
            ),
          ),
      },
    );
  };
  return (
    <FormDialog
      look="diff"
      open={open}
      unsaved={id.trim() !== ''}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          create.reset();
          setTried(false);
          // Closed without creating: what was typed goes, as the warning says.
          setId('');
        }
      }}
      trigger={
        <FormDialogTrigger className="button" disabled={!sourceDeployId}>
          New environment…
        </FormDialogTrigger>
      }
      title={<>New environment from {sourceEnvId}</>}
      description={
        <>
          The environment starts from the chosen deployment of {sourceEnvId};
          the clone then deploys it.
        </>
      }
      submitLabel="Create"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={
        create.isError && (
          <ErrorPanel error={create.error} action="create the environment" />
        )
      }
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor="new-env-id">Environment id</label>
        <input
          id="new-env-id"
          className="input mono"
          value={id}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={showId ? true : undefined}
          aria-describedby={showId ? 'new-env-id-error' : undefined}
          onChange={(e) => setId(e.target.value)}
        />
        {showId && (
          <span
            id="new-env-id-error"
            className="field__error"
            role={tried ? 'alert' : undefined}
          >
            {showId}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="new-env-type">Type</label>
        <select
          id="new-env-type"
          className="select"
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          {typeIds.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
    </FormDialog>
  );
}
