import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { FormDialog, FormDialogTrigger } from '@/components/ui/form-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';
import { idFromName, idProblem } from '@/lib/ids';
import { useCreateApp } from '../mutations';

/**
 * "New application": a name and an id (made from the name until the id is edited). The application starts with
 * its `development` environment; the console opens it once created.
 */
export function CreateAppDialog({ orgId }: { orgId: string }) {
  const may = useCan(orgId, 'create-app');
  const navigate = useNavigate();
  const create = useCreateApp(orgId);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  // The id the user typed; until then the id follows the name.
  const [typedId, setTypedId] = useState<string>();
  const [tried, setTried] = useState(false);
  const id = typedId ?? idFromName(name);
  const nameProblem =
    name.trim() === '' ? 'Give the application a name.' : undefined;
  const badId = idProblem(id, 'payments-api');
  const reset = () => {
    setName('');
    setTypedId(undefined);
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
  const showName = tried && nameProblem;
  // A bad id is said once tried, or as soon as the user types one of their own.
  const showId =
    tried || (typedId !== undefined && typedId !== '') ? badId : undefined;
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
      trigger={
        may.allowed ? (
          <FormDialogTrigger className="button button--primary">
            New application
          </FormDialogTrigger>
        ) : (
          <GuardedButton can={may} className="button button--primary">
            New application
          </GuardedButton>
        )
      }
      title="New application"
      description={
        <>
          It starts with one environment, <code>development</code>, ready for
          its first deployment.
        </>
      }
      submitLabel="Create application"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={
        create.isError && (
          <ErrorPanel error={create.error} action="create the application" />
        )
      }
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor="new-app-name">Name</label>
        <input
          id="new-app-name"
          className="input"
          value={name}
          autoComplete="off"
          placeholder="Payments API"
          aria-invalid={showName ? true : undefined}
          aria-describedby={showName ? 'new-app-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {showName && (
          <span id="new-app-name-error" className="field__error" role="alert">
            {nameProblem}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="new-app-id">Id</label>
        <input
          id="new-app-id"
          className="input mono"
          value={id}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={showId ? true : undefined}
          aria-describedby={showId ? 'new-app-id-error' : 'new-app-id-hint'}
          onChange={(e) => setTypedId(e.target.value)}
        />
        {showId ? (
          <span id="new-app-id-error" className="field__error" role="alert">
            {showId}
          </span>
        ) : (
          <span id="new-app-id-hint" className="field__hint">
            In URLs and the API; it cannot be changed later. Made from the name
            until you edit it.
          </span>
        )}
      </div>
    </FormDialog>
  );
}
