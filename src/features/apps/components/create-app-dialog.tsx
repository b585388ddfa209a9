import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '@/api/client';
import { ErrorPanel } from '@/components/ui/error-panel';
import {
  FormDialog,
  GuardedFormDialogTrigger,
} from '@/components/ui/form-dialog';
import { NameIdFields } from '@/components/ui/name-id-fields';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { useNameAndId } from '@/hooks/use-name-and-id';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';
import { idProblem, MIN_ID_LENGTH } from '@/lib/ids';
import { useCreateApp } from '../mutations';

/**
 * "New application": a name and an id (made from the name until the id is edited). The application starts with
 * its `development` environment; the console opens it once created.
 */
export function CreateAppDialog({
  orgId,
  defaultOpen = false,
}: {
  orgId: string;
  /** Open at once (its button on the landing was pressed before this code had loaded). */
  defaultOpen?: boolean;
}) {
  const may = useCan(orgId, 'create-app');
  const navigate = useNavigate();
  const create = useCreateApp(orgId);
  const [open, setOpen] = useState(defaultOpen);
  const {
    name,
    setName,
    id,
    setId,
    ownId,
    reset: resetFields,
  } = useNameAndId();
  const [tried, setTried] = useState(false);
  const nameProblem =
    name.trim() === '' ? 'Give the application a name.' : undefined;
  const badId = idProblem(id, 'payments-api', MIN_ID_LENGTH.app);
  // The id the API refused as taken, while it is still the one in the field.
  const taken =
    create.error instanceof ApiError &&
    create.error.status === 409 &&
    create.variables?.id === id
      ? `An application ${id} exists already: choose another id.`
      : undefined;
  const reset = () => {
    resetFields();
    setTried(false);
    create.reset();
  };
  const submit = () => {
    setTried(true);
    if (nameProblem || badId) {
      focusFieldAfterSubmit(nameProblem ? 'new-app-name' : 'new-app-id');
      return;
    }
    create.mutate(
      { id, name: name.trim() },
      {
        onSuccess: (app) => {
          setOpen(false);
          reset();
          navigate(paths.app(orgId, app.id));
        },
        onError: (error) =>
          focusFieldAfterSubmit(
            refusedFieldId(
              error,
              { id: 'new-app-id', name: 'new-app-name' },
              'new-app-id',
            ),
          ),
      },
    );
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
      trigger={
        <GuardedFormDialogTrigger can={may} className="button button--primary">
          New application
        </GuardedFormDialogTrigger>
      }
      title="New application"
      unsaved={name.trim() !== '' || ownId}
      description={
        <>
          It starts with one environment, <code>development</code>, ready for
          its first deployment.
        </>
      }
      submitLabel="Create application"
      pendingLabel="Creating…"
      pending={create.isPending}
      // A taken id is said at the id field instead.
      error={
        create.isError &&
        !taken && (
          <ErrorPanel error={create.error} action="create the application" />
        )
      }
      onSubmit={submit}
    >
      <NameIdFields
        prefix="new-app"
        name={name}
        onName={setName}
        id={id}
        onId={setId}
        nameProblem={tried ? nameProblem : undefined}
        // A bad id is said once tried, or as soon as the user types one of their own.
        idProblem={(tried || ownId ? badId : undefined) ?? taken}
        tried={tried}
        namePlaceholder="Payments API"
      />
    </FormDialog>
  );
}
