import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { envTypeQueries } from '@/api/queries/env-types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { FormDialog, FormDialogTrigger } from '@/components/ui/form-dialog';
import { useCreateEnvironment } from '@/hooks/use-create-environment';

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
  const types = useQuery({ ...envTypeQueries.list(orgId), enabled: open });
  const typeIds = types.data?.map((t) => t.id) ?? [
    'development',
    'staging',
    'production',
  ];
  const submit = () => {
    if (!sourceDeployId || !id.trim()) return;
    create.mutate(
      { id: id.trim(), name: id.trim(), type, fromDeployId: sourceDeployId },
      {
        onSuccess: (env) => {
          setOpen(false);
          onCreated(env.id);
        },
      },
    );
  };
  return (
    <FormDialog
      look="diff"
      open={open}
      onOpenChange={(next) => (setOpen(next), next || create.reset())}
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
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          required
          onChange={(e) => setId(e.target.value)}
        />
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
