import { type FormEvent } from 'react';
import type { Value, ValueScope } from '@/api/values';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';
import { MASKED_SECRET, parseDotenv, VALUE_KEY } from '@/lib/values';
import { useChangeValues, type ValueChange } from '../mutations';

/** The scopes a value can be written to: the app, or one environment. */
export interface ScopeChoice {
  /** '' for the app. */
  id: string;
  label: string;
}

function scopeOf(orgId: string, appId: string, id: string): ValueScope {
  return id === '' ? { orgId, appId } : { orgId, appId, envId: id };
}

/** Picks the scope a form writes to (the app or one environment). */
function ScopeSelect({
  id,
  label,
  scopes,
  value,
  onChange,
}: {
  id: string;
  label: string;
  scopes: ScopeChoice[];
  value: string;
  onChange: (scopeId: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        className="select"
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {scopes.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the Add form holds; kept in this browser (all but the value) until it is added. */
interface AddDraft {
  key: string;
  value: string;
  description: string;
  secret: boolean;
  scope: string;
}
const EMPTY_ADD: AddDraft = {
  key: '',
  value: '',
  description: '',
  secret: false,
  scope: '',
};
/**
 * The value is never written to the browser's storage: it may be a secret typed before "Secret" is ticked. It lives
 * only in the page until sent; the key, scope and description survive a reload.
 */
const keptAddDraft = (draft: AddDraft): AddDraft => ({ ...draft, value: '' });

/** Adds a value to the app or as an environment's override (a secret is write-only). */
export function AddValueForm({
  orgId,
  appId,
  scopes,
}: {
  orgId: string;
  appId: string;
  scopes: ScopeChoice[];
}) {
  // Unsaved input survives a failure and a reload (not the value: see keptAddDraft).
  const [draft, setDraft] = usePersistentState<AddDraft>(
    `values-add:${orgId}/${appId}`,
    EMPTY_ADD,
    { stored: keptAddDraft },
  );
  const { key, value, description, secret, scope } = draft;
  const edit = (next: Partial<AddDraft>) => setDraft({ ...draft, ...next });
  const change = useChangeValues(orgId, appId);
  const keyProblem =
    key !== '' && !VALUE_KEY.test(key)
      ? 'A key may hold only letters, digits, _, . and -.'
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!key || keyProblem) return;
    change.mutate(
      [
        {
          kind: 'create',
          scope: scopeOf(orgId, appId, scope),
          body: { key, value, description, is_secret: secret },
        },
      ],
      {
        onSuccess: () => {
          // Ready for the next value, in the same scope.
          setDraft({ ...EMPTY_ADD, scope });
          // Ready for the next value (the button, disabled while saving, dropped focus).
          focusFieldAfterSubmit('value-key');
        },
        // To the field the refusal names (a taken key, a bad value), else the key.
        onError: (error) =>
          focusFieldAfterSubmit(
            refusedFieldId(
              error,
              {
                key: 'value-key',
                value: 'value-value',
                description: 'value-description',
              },
              'value-key',
            ),
          ),
      },
    );
  };
  return (
    <form
      onSubmit={submit}
      className="stack"
      aria-labelledby="add-value-heading"
    >
      <h2 id="add-value-heading">Add a value</h2>
      <div className="row values-form-row">
        <div className="field">
          <label htmlFor="value-key">Key</label>
          <input
            className="input"
            id="value-key"
            value={key}
            required
            autoComplete="off"
            aria-invalid={keyProblem ? true : undefined}
            aria-describedby={keyProblem ? 'value-key-problem' : undefined}
            onChange={(e) => edit({ key: e.target.value })}
          />
          {keyProblem && (
            <p id="value-key-problem" className="field-error">
              {keyProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="value-value">Value</label>
          <input
            className="input"
            id="value-value"
            type={secret ? 'password' : 'text'}
            autoComplete="off"
            value={value}
            onChange={(e) => edit({ value: e.target.value })}
          />
        </div>
        <ScopeSelect
          id="value-scope"
          label="For"
          scopes={scopes}
          value={scope}
          onChange={(next) => edit({ scope: next })}
        />
        <div className="field">
          <label htmlFor="value-description">Description</label>
          <input
            className="input"
            id="value-description"
            value={description}
            maxLength={1000}
            onChange={(e) => edit({ description: e.target.value })}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={secret}
            onChange={(e) => edit({ secret: e.target.checked })}
          />{' '}
          Secret (write-only: never shown again)
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={change.isPending || !key || Boolean(keyProblem)}
        >
          Add value
        </button>
      </div>
      {change.isError && (
        <ErrorPanel error={change.error} action={`add ${key}`} />
      )}
    </form>
  );
}

type Planned = {
  key: string;
  kind: 'added' | 'changed' | 'unchanged';
  from?: string;
  to: string;
};

/**
 * What importing `.env` entries into a scope that has `own` values does: the preview (a secret, before or after,
 * only masked) and the changes to send (a new key is created, a different one patched, an equal one left alone).
 */
function planImport(
  entries: { key: string; value: string }[],
  own: Record<string, Value>,
  secret: boolean,
  target: ValueScope,
): { planned: Planned[]; changes: ValueChange[] } {
  const planned: Planned[] = [];
  const changes: ValueChange[] = [];
  for (const { key, value } of entries) {
    const before = Object.hasOwn(own, key) ? own[key] : undefined;
    const to = secret || before?.is_secret ? MASKED_SECRET : value;
    if (!before) {
      planned.push({ key, kind: 'added', to });
      changes.push({
        kind: 'create',
        scope: target,
        body: { key, value, description: '', is_secret: secret },
      });
    } else if (!before.is_secret && !secret && before.value === value) {
      planned.push({ key, kind: 'unchanged', from: before.value, to });
    } else {
      planned.push({
        key,
        kind: 'changed',
        from: before.is_secret ? MASKED_SECRET : before.value,
        to,
      });
      changes.push({ kind: 'patch', scope: target, key, body: { value } });
    }
  }
  return { planned, changes };
}

/** What the import form holds; its scope and secrecy kept in this browser, never the text. */
interface ImportDraft {
  text: string;
  scope: string;
  secret: boolean;
}
const EMPTY_IMPORT: ImportDraft = { text: '', scope: '', secret: false };
/** `.env` text holds secrets as often as not: it is never written to the browser's storage. */
const keptImportDraft = (draft: ImportDraft): ImportDraft => ({
  ...draft,
  text: '',
});

/** Bulk import from `.env` text: a preview of what will be added and changed, then one apply. */
export function DotenvImport({
  orgId,
  appId,
  scopes,
  current,
}: {
  orgId: string;
  appId: string;
  scopes: ScopeChoice[];
  /** The values each scope has of its own, by scope id ('' for the app). */
  current: (scopeId: string) => Record<string, Value> | undefined;
}) {
  // The text survives a failed apply (in the page), never a reload (keptImportDraft).
  const [draft, setDraft] = usePersistentState<ImportDraft>(
    `values-import:${orgId}/${appId}`,
    EMPTY_IMPORT,
    { stored: keptImportDraft },
  );
  const { text, scope, secret } = draft;
  const edit = (next: Partial<ImportDraft>) => setDraft({ ...draft, ...next });
  const change = useChangeValues(orgId, appId);
  const parsed = parseDotenv(text);
  const own = current(scope) ?? {};
  const { planned, changes } = planImport(
    parsed.entries,
    own,
    secret,
    scopeOf(orgId, appId, scope),
  );
  const apply = () =>
    change.mutate(changes, { onSuccess: () => edit({ text: '' }) });
  return (
    <section className="stack" aria-labelledby="import-heading">
      <h2 id="import-heading">Import from .env</h2>
      <div className="row values-form-row">
        <ScopeSelect
          id="import-scope"
          label="Into"
          scopes={scopes}
          value={scope}
          onChange={(next) => edit({ scope: next })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={secret}
            onChange={(e) => edit({ secret: e.target.checked })}
          />{' '}
          Import as secrets
        </label>
      </div>
      <div className="field">
        <label htmlFor="import-text">.env text (KEY=value lines)</label>
        <textarea
          className="textarea"
          id="import-text"
          rows={5}
          spellCheck={false}
          value={text}
          onChange={(e) => edit({ text: e.target.value })}
        />
      </div>
      {parsed.problems.length > 0 && (
        <ul className="field-error" aria-label="Lines that were not read">
          {parsed.problems.map((p) => (
            <li key={p.line}>
              Line {p.line} {p.message}.
            </li>
          ))}
        </ul>
      )}
      {planned.length > 0 && (
        <DataTable
          caption="Import preview"
          captionVisible
          columns={['Key', 'Change', 'From', 'To']}
          rows={planned}
          renderRow={(p) => (
            <tr key={p.key}>
              <th scope="row">
                <code>{p.key}</code>
              </th>
              <td>
                {p.kind === 'added'
                  ? 'Will be added'
                  : p.kind === 'changed'
                    ? 'Will change'
                    : 'Unchanged'}
              </td>
              <td className="values-cell__text">{p.from ?? '—'}</td>
              <td className="values-cell__text">{p.to}</td>
            </tr>
          )}
        />
      )}
      <div className="row">
        <button
          type="button"
          className="button button--primary"
          disabled={changes.length === 0 || change.isPending}
          onClick={apply}
        >
          Apply {changes.length} {changes.length === 1 ? 'change' : 'changes'}
        </button>
      </div>
      {change.isError && (
        <ErrorPanel error={change.error} action="import the values" />
      )}
    </section>
  );
}
