import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Environment } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import {
  FormDialog,
  GuardedFormDialogTrigger,
} from '@/components/ui/form-dialog';
import { NameIdFields } from '@/components/ui/name-id-fields';
import { NEW_ENV_PARAM, paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { useCreateEnvironment } from '@/hooks/use-create-environment';
import { useNameAndId } from '@/hooks/use-name-and-id';
import { useEnvTypeIds } from '@/hooks/use-env-type-ids';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';
import { idProblem, MIN_ID_LENGTH } from '@/lib/ids';

/**
 * "New environment" of an app: a name, an id (made from the name until edited), a type, and what it starts
 * from: the last deployment of one of the app's environments (the first that has one), or nothing. Opened by
 * its button or by `?new-env`; the console opens the environment once created.
 */
export function NewEnvDialog({
  orgId,
  appId,
  envs,
}: {
  orgId: string;
  appId: string;
  envs: Environment[];
}) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const open = search.has(NEW_ENV_PARAM);
  const setOpen = (next: boolean) =>
    setSearch(
      (params) => {
        const copy = new URLSearchParams(params);
        if (next) copy.set(NEW_ENV_PARAM, '');
        else copy.delete(NEW_ENV_PARAM);
        return copy;
      },
      { replace: true },
    );
  const create = useCreateEnvironment(orgId, appId);
  const typeIds = useEnvTypeIds(orgId, open);
  const deployed = envs.filter((e) => e.last_deploy);
  const {
    name,
    setName,
    id,
    setId,
    ownId,
    reset: resetFields,
  } = useNameAndId();
  const [chosenType, setType] = useState('development');
  // The organisation may have no `development` type: then its first.
  const type = typeIds.includes(chosenType) ? chosenType : (typeIds[0] ?? '');
  // Creating an environment is deploying to its type: the button and the chosen type say who may.
  const mayOpen = useCan(orgId, 'deploy', { appId, envType: 'development' });
  const mayType = useCan(orgId, 'deploy', { appId, envType: type });
  // An env id whose last deployment it starts from, or '' for an empty one; undefined: the first deployed.
  const [from, setFrom] = useState<string>();
  const [tried, setTried] = useState(false);
  const source = from ?? deployed[0]?.id ?? '';
  const nameProblem =
    name.trim() === '' ? 'Give the environment a name.' : undefined;
  const badId = idProblem(id, 'qa-eu', MIN_ID_LENGTH.environment);
  const taken = envs.some((e) => e.id === id)
    ? `The app has an environment ${id} already: choose another id.`
    : undefined;
  const idError = badId ?? taken;
  const showName = tried ? nameProblem : undefined;
  // Said once tried, or as soon as the user types an id of their own (not while the name passes through one).
  const showId = tried || ownId ? idError : undefined;
  const reset = () => {
    resetFields();
    setType('development');
    setFrom(undefined);
    setTried(false);
    create.reset();
  };
  const submit = () => {
    setTried(true);
    if (!mayType.allowed) return focusFieldAfterSubmit('app-new-env-type');
    if (nameProblem || idError) {
      focusFieldAfterSubmit(
        nameProblem ? 'app-new-env-name' : 'app-new-env-id',
      );
      return;
    }
    const fromDeployId = envs.find((e) => e.id === source)?.last_deploy?.id;
    create.mutate(
      { id, name: name.trim(), type, fromDeployId },
      {
        onSuccess: (env) => {
          reset();
          navigate(paths.env(orgId, appId, env.id));
        },
        onError: (error) =>
          focusFieldAfterSubmit(
            refusedFieldId(
              error,
              {
                id: 'app-new-env-id',
                name: 'app-new-env-name',
                type: 'app-new-env-type',
                from_deploy_id: 'app-new-env-from',
              },
              'app-new-env-id',
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
        <GuardedFormDialogTrigger can={mayOpen} className="button">
          New environment
        </GuardedFormDialogTrigger>
      }
      unsaved={name.trim() !== '' || ownId}
      title="New environment"
      description="It starts with the workloads of the deployment you choose (nothing runs until you deploy it), or empty."
      submitLabel="Create environment"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={
        create.isError && (
          <ErrorPanel error={create.error} action="create the environment" />
        )
      }
      onSubmit={submit}
    >
      <NameIdFields
        prefix="app-new-env"
        name={name}
        onName={setName}
        id={id}
        onId={setId}
        nameProblem={showName}
        idProblem={showId}
        tried={tried}
        namePlaceholder="QA Europe"
      />
      <div className="field">
        <label htmlFor="app-new-env-type">Type</label>
        <select
          id="app-new-env-type"
          className="select"
          value={type}
          aria-invalid={mayType.allowed ? undefined : true}
          aria-describedby={
            mayType.allowed ? undefined : 'app-new-env-type-refused'
          }
          onChange={(e) => setType(e.target.value)}
        >
          {typeIds.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {!mayType.allowed && mayType.reason && (
          <span id="app-new-env-type-refused" className="field__error">
            {mayType.reason}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="app-new-env-from">Start from</label>
        <select
          id="app-new-env-from"
          className="select"
          value={source}
          onChange={(e) => setFrom(e.target.value)}
        >
          {deployed.map((e) => (
            <option key={e.id} value={e.id}>
              The last deployment of {e.name}
              {e.name.toLowerCase() === e.id ? '' : ` (${e.id})`}
            </option>
          ))}
          <option value="">Nothing: an empty environment</option>
        </select>
      </div>
    </FormDialog>
  );
}
