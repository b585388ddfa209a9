import { useState, type FormEvent } from 'react';
import type { Value, ValueScope } from '@/api/values';
import { ErrorPanel } from '@/components/ui/error-panel';
import { DataTable } from '@/components/ui/data-table';
import { MASKED_SECRET } from '@/lib/values';
import { useChangeValues } from '../mutations';

export interface EnvColumn {
  id: string;
  name: string;
  /** The environment's effective values by key (undefined while loading). */
  values?: Record<string, Value>;
}

/** A cell's text: a secret is never shown. */
function show(value: Value) {
  return value.is_secret ? MASKED_SECRET : value.value;
}

/**
 * The app's values with each environment's side by side: the effective value
 * per environment, an override marked as the environment's own. Editing a cell
 * changes the value where it lives (the app, or the environment's override);
 * a secret offers only "Replace" (a new value, never the old one) and "Clear".
 */
export function ValuesTable({
  orgId,
  appId,
  keys,
  app,
  envs,
  canEdit,
}: {
  orgId: string;
  appId: string;
  keys: string[];
  app: Record<string, Value>;
  envs: EnvColumn[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<{
    key: string;
    envId?: string;
  }>();
  return (
    <DataTable
      caption="Values of the app and of each environment"
      label="Values by environment"
      className="values-table"
      columns={[
        'Key',
        'App (every environment)',
        ...envs.map((env) => env.name),
      ]}
      rows={keys}
      renderRow={(key) => (
        <tr key={key}>
          <th scope="row">
            <code>{key}</code>
            {(app[key]?.description ?? '') !== '' && (
              <div className="muted small">{app[key].description}</div>
            )}
          </th>
          <td>
            <Cell
              scope={{ orgId, appId }}
              valueKey={key}
              value={app[key]}
              own
              canEdit={canEdit}
              editing={editing?.key === key && editing.envId === undefined}
              onEdit={(on) => setEditing(on ? { key } : undefined)}
            />
          </td>
          {envs.map((env) => {
            const value = env.values?.[key];
            return (
              <td key={env.id}>
                {env.values === undefined ? (
                  <span className="muted">…</span>
                ) : (
                  <Cell
                    scope={{ orgId, appId, envId: env.id }}
                    valueKey={key}
                    value={value}
                    own={value?.source === 'env'}
                    envName={env.name}
                    canEdit={canEdit}
                    editing={editing?.key === key && editing.envId === env.id}
                    onEdit={(on) =>
                      setEditing(on ? { key, envId: env.id } : undefined)
                    }
                  />
                )}
              </td>
            );
          })}
        </tr>
      )}
    />
  );
}

function Cell({
  scope,
  valueKey,
  value,
  own,
  envName,
  canEdit,
  editing,
  onEdit,
}: {
  scope: ValueScope;
  valueKey: string;
  value: Value | undefined;
  /** The value lives in this scope (the app's, or the environment's override). */
  own: boolean;
  envName?: string;
  canEdit: boolean;
  editing: boolean;
  onEdit: (on: boolean) => void;
}) {
  const where = envName ? `${valueKey} in ${envName}` : `${valueKey} (app)`;
  const change = useChangeValues(scope.orgId, scope.appId);
  // The draft survives a refused save: it is cleared only when the save succeeds.
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { value: draft };
    change.mutate(
      [
        own && value
          ? { kind: 'patch', scope, key: valueKey, body }
          : {
              kind: 'create',
              scope,
              body: {
                key: valueKey,
                value: draft,
                description: '',
                is_secret: value?.is_secret ?? false,
              },
            },
      ],
      {
        onSuccess: () => {
          setDraft('');
          onEdit(false);
        },
      },
    );
  };
  if (editing) {
    const secret = value?.is_secret ?? false;
    return (
      <form onSubmit={submit} className="stack values-cell-form">
        <label htmlFor={`edit-${scope.envId ?? 'app'}-${valueKey}`}>
          {secret ? `New secret value of ${where}` : `Value of ${where}`}
        </label>
        <input
          className="input"
          id={`edit-${scope.envId ?? 'app'}-${valueKey}`}
          type={secret ? 'password' : 'text'}
          autoComplete="off"
          value={draft}
          placeholder={secret ? 'Type the new secret' : (value?.value ?? '')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="row">
          <button
            type="submit"
            className="button button--primary button--small"
            disabled={change.isPending}
          >
            {own ? (secret ? 'Replace' : 'Save') : 'Override'}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => onEdit(false)}
          >
            Cancel
          </button>
        </div>
        {change.isError && (
          <ErrorPanel error={change.error} action={`save ${where}`} />
        )}
      </form>
    );
  }
  return (
    <div className="values-cell">
      {value ? (
        <>
          <span className={own ? 'values-cell__own' : 'muted'}>
            {show(value)}
          </span>{' '}
          <span className="muted small">
            {envName
              ? own
                ? 'override'
                : 'from the app'
              : value.is_secret
                ? `secret version ${value.secret_version ?? ''}`
                : ''}
          </span>
        </>
      ) : (
        <span className="muted">not set</span>
      )}
      {canEdit && (
        <div className="row">
          <button
            type="button"
            className="button button--small"
            aria-label={
              own && value
                ? `${value.is_secret ? 'Replace' : 'Edit'} ${where}`
                : `${envName ? 'Override' : 'Set'} ${where}`
            }
            onClick={() => onEdit(true)}
          >
            {own && value
              ? value.is_secret
                ? 'Replace'
                : 'Edit'
              : envName
                ? 'Override'
                : 'Set'}
          </button>
          {own && value && (
            <button
              type="button"
              className="button button--small"
              aria-label={`${value.is_secret ? 'Clear' : 'Delete'} ${where}`}
              disabled={change.isPending}
              onClick={() =>
                change.mutate([{ kind: 'delete', scope, key: valueKey }])
              }
            >
              {value.is_secret ? 'Clear' : 'Delete'}
            </button>
          )}
        </div>
      )}
      {change.isError && (
        <ErrorPanel error={change.error} action={`change ${where}`} />
      )}
    </div>
  );
}
