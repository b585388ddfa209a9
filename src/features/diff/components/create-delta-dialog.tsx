import { useState } from 'react';
import { toast } from 'sonner';
import type { Environment, PlainDelta } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { FormDialog, FormDialogTrigger } from '@/components/ui/form-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { ShortId } from '@/components/ui/short-id';
import { useCan } from '@/hooks/use-can';
import { envChoiceLabel } from '@/lib/format';
import { useCreateDraftDelta } from '../mutations';

interface CreateDeltaDialogProps {
  orgId: string;
  appId: string;
  delta: PlainDelta;
  envs: Environment[];
  defaultEnvId: string;
  defaultName: string;
}

/** "Create draft delta": saves the change of the diff as a draft delta for an environment and shows its id. */
export function CreateDeltaDialog({
  orgId,
  appId,
  delta,
  envs,
  defaultEnvId,
  defaultName,
}: CreateDeltaDialogProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(defaultName);
  const [envId, setEnvId] = useState(defaultEnvId);
  const create = useCreateDraftDelta(orgId, appId);
  const may = useCan(orgId, 'edit', { appId });
  const submit = () => {
    create.mutate(
      { delta, envId, name: name.trim() || defaultName },
      { onSuccess: () => toast.success('Draft delta created') },
    );
  };
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) create.reset();
    // Each opening proposes this comparison's name and environment (the page may have moved to another since).
    else {
      setName(defaultName);
      setEnvId(defaultEnvId);
    }
  };
  return (
    <FormDialog
      look="diff"
      open={open}
      // A name of one's own is typed input: a stray Escape warns before it is lost.
      unsaved={name.trim() !== '' && name !== defaultName}
      onOpenChange={onOpenChange}
      trigger={
        may.allowed ? (
          <FormDialogTrigger className="button">
            Create draft delta
          </FormDialogTrigger>
        ) : (
          <GuardedButton can={may} className="button">
            Create draft delta
          </GuardedButton>
        )
      }
      title="Create a draft delta"
      description="Saves the change from the first deployment to the second as a draft you can edit and deploy later."
      submitLabel="Create draft delta"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={
        create.isError && (
          <ErrorPanel error={create.error} action="create the draft delta" />
        )
      }
      onSubmit={submit}
      result={
        create.isSuccess ? (
          <p role="status">
            Draft delta created:{' '}
            <ShortId id={create.data} label="delta id" length={12} />
          </p>
        ) : undefined
      }
    >
      <div className="field">
        <label htmlFor="delta-name">Name</label>
        <input
          id="delta-name"
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="delta-env">For environment</label>
        <select
          id="delta-env"
          className="select"
          value={envId}
          onChange={(e) => setEnvId(e.target.value)}
        >
          {envs.map((env) => (
            <option key={env.id} value={env.id}>
              {envChoiceLabel(env)}
            </option>
          ))}
        </select>
      </div>
    </FormDialog>
  );
}
