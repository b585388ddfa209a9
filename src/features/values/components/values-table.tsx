import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Value, ValueScope } from '@/api/values';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { DataTable } from '@/components/ui/data-table';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { MASKED_SECRET } from '@/lib/values';
import { useChangeValues } from '../mutations';

export interface EnvColumn {
  id: string;
  name: string;
  /** The environment's effective values by key (undefined while loading). */
  values?: Record<string, Value>;
}

/** A cell's text: a secret is never shown; an empty value says so, set apart from a value that reads "(empty)". */
function show(value: Value) {
  if (value.is_secret) return MASKED_SECRET;
  return value.value === '' ? <em className="muted">(empty)</em> : value.value;
}

/** Where a cell's unsaved edit is kept (see Cell). */
function valuesDraftKey(
  scope: { orgId: string; appId: string; envId?: string },
  valueKey: string,
) {
  return `values-draft:${scope.orgId}/${scope.appId}/${scope.envId ?? ''}/${valueKey}`;
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
  envsRead,
  canEdit,
}: {
  orgId: string;
  appId: string;
  keys: string[];
  app: Record<string, Value>;
  envs: EnvColumn[];
  /** Whether the list of environments itself was read (until then, `envs` may be missing some). */
  envsRead: boolean;
  canEdit: boolean;
}) {
  // The cell being edited survives a reload (with its draft: see Cell), like the other editors' unsaved input.
  const [editing, setEditing] = usePersistentState<{
    key: string;
    envId?: string;
  } | null>(`values-editing:${orgId}/${appId}`, null);
  // A cell whose value was deleted elsewhere (gone from the app and from every environment, all of them read) is
  // closed, and its draft forgotten: it would otherwise stay in storage with nothing to show it (a filtered-out cell
  // keeps both, for when the filter clears).
  const everyEnvRead =
    envsRead && envs.every((env) => env.values !== undefined);
  const editedGone =
    editing !== null &&
    everyEnvRead &&
    !Object.hasOwn(app, editing.key) &&
    !envs.some((env) => env.values && Object.hasOwn(env.values, editing.key));
  useEffect(() => {
    if (!editedGone || !editing) return;
    try {
      localStorage.removeItem(
        valuesDraftKey({ orgId, appId, envId: editing.envId }, editing.key),
      );
    } catch {
      // Storage disabled: nothing was kept.
    }
    setEditing(null);
  }, [editedGone, editing, orgId, appId, setEditing]);
  // The latest, for a save that ends after another cell was opened.
  const editingNow = useRef(editing);
  useEffect(() => {
    editingNow.current = editing;
  }, [editing]);
  // A cell left open by someone who may edit, for someone who may not (a reload as another user), stays closed.
  const open = canEdit ? editing : null;
  /** Opens the editor of one cell, or closes it; a slow save of another cell never closes the one open now. */
  const edit = (key: string, envId: string | undefined, on: boolean) => {
    const current = editingNow.current;
    if (on) setEditing(envId === undefined ? { key } : { key, envId });
    else if (current?.key === key && current.envId === envId) setEditing(null);
  };
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
            <KeyDescription valueKey={key} app={app} envs={envs} />
          </th>
          <td>
            <Cell
              scope={{ orgId, appId }}
              valueKey={key}
              value={app[key]}
              own
              canEdit={canEdit}
              editing={open?.key === key && open.envId === undefined}
              onEdit={(on) => edit(key, undefined, on)}
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
                    editing={open?.key === key && open.envId === env.id}
                    onEdit={(on) => edit(key, env.id, on)}
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

/** What a key is for: the app value's description, else those of the environments' own values. */
function KeyDescription({
  valueKey,
  app,
  envs,
}: {
  valueKey: string;
  app: Record<string, Value>;
  envs: EnvColumn[];
}) {
  const own = app[valueKey]?.description ?? '';
  if (own !== '')
    return <div className="muted small values-table__description">{own}</div>;
  const byEnv = envs.flatMap((env) => {
    const value = env.values?.[valueKey];
    return value?.source === 'env' && value.description
      ? [`${value.description} (${env.name})`]
      : [];
  });
  if (byEnv.length === 0) return null;
  return (
    <div className="muted small values-table__description">
      {byEnv.join('; ')}
    </div>
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
  const secret = value?.is_secret ?? false;
  // What is typed lives in the page until sent, and survives a refused save. It is kept across a reload only for an
  // edit of this scope's own plain value, with the value it started from: a secret, a new value or an override (which
  // may be a secret in the making) never reach the browser's storage, and a draft of a value changed since (by someone
  // else) is dropped rather than saved over the change.
  const keepable = own && !!value && !secret;
  const [kept, keep, forget] = usePersistentState<{
    from: string;
    text: string;
  } | null>(valuesDraftKey(scope, valueKey), null);
  const [draft, setDraftState] = useState(() =>
    keepable && kept && kept.from === value.value
      ? kept.text
      : secret
        ? ''
        : (value?.value ?? ''),
  );
  const setDraft = (text: string) => {
    setDraftState(text);
    if (keepable && text !== value.value) keep({ from: value.value, text });
    else if (kept) forget();
  };
  const clearDraft = forget;
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // The dialog belongs to a value of this cell: when the value goes (deleted elsewhere, a refetch), it closes for
  // good, and never reopens by itself when a value comes back.
  if (confirmingDelete && !(own && value)) setConfirmingDelete(false);
  // Set once the delete went through: its button is gone, so focus goes to the cell's other one.
  const deleted = useRef(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Closing the editor (saved or cancelled) unmounts what had focus: it goes back to the cell's button.
  const wasEditing = useRef(editing);
  useEffect(() => {
    const closed = wasEditing.current && !editing;
    wasEditing.current = editing;
    if (!closed) return;
    // Saved, cancelled or another cell opened: the draft is done with.
    clearDraft();
    if (document.activeElement === document.body) editButton.current?.focus();
  }, [editing, clearDraft]);
  const startEdit = () => {
    // A value to change starts as it is (an override, as what it overrides); a secret is never shown.
    setDraft(secret ? '' : (value?.value ?? ''));
    change.reset();
    onEdit(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (own && value && !secret && draft === value.value) {
      onEdit(false); // nothing changed: no new version
      return;
    }
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
                is_secret: secret,
              },
            },
      ],
      { onSuccess: () => onEdit(false) },
    );
  };
  if (editing) {
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
          // Opened by its Edit button, which it replaces: typing goes here.
          autoFocus
          placeholder={secret ? 'Type the new secret' : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="row">
          <button
            type="submit"
            className="button button--primary button--small"
            // A secret is replaced by what is typed: nothing typed, nothing to replace it with.
            disabled={change.isPending || (secret && draft === '')}
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
                ? secretWhere(value)
                : ''}
          </span>
        </>
      ) : (
        <span className="muted">not set</span>
      )}
      {canEdit && (
        <div className="row">
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            aria-label={
              own && value
                ? `${value.is_secret ? 'Replace' : 'Edit'} ${where}`
                : `${envName ? 'Override' : 'Set'} ${where}`
            }
            onClick={startEdit}
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
              onClick={() => {
                change.reset();
                deleted.current = false;
                setConfirmingDelete(true);
              }}
            >
              {value.is_secret ? 'Clear' : 'Delete'}
            </button>
          )}
        </div>
      )}
      {own && value && (
        <ConfirmDialog
          open={confirmingDelete}
          onOpenChange={setConfirmingDelete}
          title={`${value.is_secret ? 'Clear' : 'Delete'} ${where}?`}
          confirmLabel={
            value.is_secret ? 'Clear the secret' : 'Delete the value'
          }
          danger
          pending={change.isPending}
          error={change.error ?? undefined}
          // The Delete button goes with the value: focus goes to the cell's other button.
          returnFocusTo={() =>
            deleted.current ? editButton.current : undefined
          }
          onConfirm={() =>
            change.mutate([{ kind: 'delete', scope, key: valueKey }], {
              onSuccess: () => {
                deleted.current = true;
                setConfirmingDelete(false);
              },
            })
          }
        >
          <p>
            {envName
              ? `${envName} then uses the app's value of ${valueKey}, if it has one.`
              : `Every environment without an override of its own loses ${valueKey}.`}{' '}
            Its versions stay in the history, where it can be restored.
          </p>
        </ConfirmDialog>
      )}
      {change.isError && !confirmingDelete && (
        <ErrorPanel error={change.error} action={`change ${where}`} />
      )}
    </div>
  );
}

/**
 * Where an app secret is kept: its store, not the store's version number (the secret store's own counter read like
 * a version of the value history beside it, "secret version 112" next to versions 1-5).
 */
function secretWhere(value: Value): string {
  return value.secret_store_id ? `kept in ${value.secret_store_id}` : '';
}
