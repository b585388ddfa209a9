import './settings.css';
import { useState, type FormEvent } from 'react';
import type { SecretStore, SecretStoreRequest } from '@/api/org-settings';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { FormDialog } from '@/components/ui/form-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { TextField } from '@/components/ui/text-field';
import type { CanResult } from '@/hooks/use-can';
import { useSecretStoreChanges } from '../mutations';
import { useSecretStores } from '../queries';
import { useOrgSettingsAccess } from './org-settings-access';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';

type Kind = 'vault' | 'awssm' | 'gcpsm' | 'azurekv';

/** The spec's four kinds of external store: their configuration fields (returned) and credentials (never). */
const KINDS: Record<
  Kind,
  {
    title: string;
    config: { name: string; label: string; placeholder: string }[];
    auth: { name: string; label: string }[];
  }
> = {
  vault: {
    title: 'HashiCorp Vault',
    config: [
      { name: 'url', label: 'URL', placeholder: 'https://vault.example.com' },
      { name: 'path', label: 'Path', placeholder: 'secret/acme' },
      { name: 'agent_id', label: 'Agent id', placeholder: '' },
    ],
    auth: [
      { name: 'role', label: 'Vault role' },
      { name: 'token', label: 'Vault token' },
    ],
  },
  awssm: {
    title: 'AWS Secrets Manager',
    config: [
      { name: 'region', label: 'Region', placeholder: 'eu-central-1' },
      { name: 'endpoint', label: 'Endpoint', placeholder: '' },
    ],
    auth: [
      { name: 'access_key_id', label: 'Access key id' },
      { name: 'secret_access_key', label: 'Secret access key' },
    ],
  },
  gcpsm: {
    title: 'GCP Secret Manager',
    config: [
      { name: 'project_id', label: 'Project id', placeholder: 'acme-prod' },
    ],
    auth: [{ name: 'secret_access_key', label: 'Service account key' }],
  },
  azurekv: {
    title: 'Azure Key Vault',
    config: [
      {
        name: 'url',
        label: 'URL',
        placeholder: 'https://acme.vault.azure.net',
      },
      { name: 'tenant_id', label: 'Tenant id', placeholder: '' },
    ],
    auth: [
      { name: 'client_id', label: 'Client id' },
      { name: 'client_secret', label: 'Client secret' },
    ],
  },
};
const KIND_IDS = Object.keys(KINDS) as Kind[];

/** The kind of a store and its configuration as the API returns it. */
function kindOf(store: SecretStore): {
  kind: Kind | 'humanitec';
  config: Record<string, string>;
} {
  for (const kind of KIND_IDS) {
    const config = store[kind];
    if (config) return { kind, config: { ...config } };
  }
  return { kind: 'humanitec', config: {} };
}

/** The fields of one kind: its configuration and (optionally) its credentials, as password fields. */
function KindFields({
  kind,
  prefix,
  values,
  onChange,
  credentialsHint,
}: {
  kind: Kind;
  prefix: string;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  credentialsHint: string;
}) {
  const spec = KINDS[kind];
  const field = (name: string) => `${prefix}-${kind}-${name}`;
  return (
    <>
      {spec.config.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={field(f.name)}>{f.label}</label>
          <input
            id={field(f.name)}
            className="input"
            value={values[f.name] ?? ''}
            placeholder={f.placeholder}
            onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}
          />
        </div>
      ))}
      <fieldset className="stack">
        <legend>Credentials</legend>
        <p className="field__hint">{credentialsHint}</p>
        {spec.auth.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={field(`auth-${f.name}`)}>{f.label}</label>
            <input
              id={field(`auth-${f.name}`)}
              className="input"
              type="password"
              autoComplete="off"
              value={values[`auth.${f.name}`] ?? ''}
              onChange={(e) =>
                onChange({ ...values, [`auth.${f.name}`]: e.target.value })
              }
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}

/** The body part of a kind from the form's values (empty fields left out). */
function kindBody(kind: Kind, values: Record<string, string>) {
  const body: Record<string, unknown> = {};
  const auth: Record<string, string> = {};
  for (const f of KINDS[kind].config)
    if (values[f.name]?.trim()) body[f.name] = values[f.name].trim();
  for (const f of KINDS[kind].auth)
    if (values[`auth.${f.name}`]) auth[f.name] = values[`auth.${f.name}`];
  if (Object.keys(auth).length > 0) body.auth = auth;
  return body;
}

/** Registers an external store; the draft stays when the API refuses it. */
function NewStoreForm({ orgId, may }: { orgId: string; may: CanResult }) {
  const { create } = useSecretStoreChanges(orgId);
  const [id, setId] = useState('');
  const [kind, setKind] = useState<Kind>('vault');
  const [values, setValues] = useState<Record<string, string>>({});
  const [primary, setPrimary] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      id: id.trim(),
      primary,
      [kind]: kindBody(kind, values),
    } as SecretStoreRequest;
    create.mutate(body, {
      onSuccess: () => {
        setId('');
        setValues({});
        setPrimary(false);
        // Ready for the next store (the button, disabled while registering, dropped focus).
        focusFieldAfterSubmit('store-id');
      },
      // To the field a refusal names (a taken id), else the id.
      onError: (error) =>
        focusFieldAfterSubmit(
          refusedFieldId(error, { id: 'store-id' }, 'store-id'),
        ),
    });
  };
  return (
    <form
      onSubmit={submit}
      className="stack"
      aria-labelledby="new-store-heading"
    >
      <h3 id="new-store-heading">Register a secret store</h3>
      <div className="row">
        <TextField
          id="store-id"
          label="Store id"
          mono
          value={id}
          placeholder="vault-prod"
          onChange={setId}
        />
        <div className="field">
          <label htmlFor="store-kind">Kind</label>
          <select
            id="store-kind"
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {KIND_IDS.map((k) => (
              <option key={k} value={k}>
                {KINDS[k].title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <KindFields
        kind={kind}
        prefix="new-store"
        values={values}
        onChange={setValues}
        credentialsHint="Checked, then never stored or shown again (the stores are simulated)."
      />
      <label>
        <input
          type="checkbox"
          checked={primary}
          onChange={(e) => setPrimary(e.target.checked)}
        />{' '}
        Make it the primary store (new secrets go there)
      </label>
      {create.isError && (
        <ErrorPanel error={create.error} action="register the secret store" />
      )}
      <div>
        <GuardedButton
          can={may}
          type="submit"
          className="button button--primary"
          disabled={create.isPending || id.trim() === ''}
        >
          {create.isPending ? 'Registering…' : 'Register store'}
        </GuardedButton>
      </div>
    </form>
  );
}

/** Changes a store's configuration (its kind stays); empty credential fields keep the current ones. */
function EditStore({
  orgId,
  store,
  may,
}: {
  orgId: string;
  store: SecretStore;
  may: CanResult;
}) {
  const { patch } = useSecretStoreChanges(orgId);
  const { kind, config } = kindOf(store);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>(config);
  if (kind === 'humanitec') return null;
  return (
    <>
      <GuardedButton
        can={may}
        className="button button--small"
        aria-label={`Edit secret store ${store.id}`}
        onClick={() => {
          setValues(config);
          patch.reset();
          setOpen(true);
        }}
      >
        Edit
      </GuardedButton>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        unsaved={Object.keys(values).some(
          (key) => (values[key] ?? '') !== (config[key] ?? ''),
        )}
        title={`Edit ${store.id}`}
        description={`A ${KINDS[kind].title} store; its kind cannot change.`}
        submitLabel="Save"
        pending={patch.isPending}
        error={
          patch.isError && (
            <ErrorPanel error={patch.error} action="change the store" />
          )
        }
        onSubmit={() =>
          patch.mutate(
            {
              storeId: store.id,
              change: { [kind]: kindBody(kind, values) },
            },
            { onSuccess: () => setOpen(false) },
          )
        }
      >
        <KindFields
          kind={kind}
          prefix={`edit-${store.id}`}
          values={values}
          onChange={setValues}
          credentialsHint="Leave empty to keep the current credentials."
        />
      </FormDialog>
    </>
  );
}

/** Deletes a store after confirming; the API's refusal (primary, in use) is shown in the dialog. */
function DeleteStore({
  orgId,
  store,
  may,
}: {
  orgId: string;
  store: SecretStore;
  may: CanResult;
}) {
  const { remove } = useSecretStoreChanges(orgId);
  if (store.humanitec) return null;
  return (
    <ConfirmDelete
      can={may}
      label={`Delete secret store ${store.id}`}
      title={`Delete secret store ${store.id}?`}
      confirmLabel="Delete store"
      remove={remove}
      variables={store.id}
    >
      <p>
        Values can no longer keep secrets in <code>{store.id}</code>. The
        primary store and a store that values use cannot be deleted.
      </p>
    </ConfirmDelete>
  );
}

/** The organisation's secret stores: the engine's own and registered external ones. */
export function SecretStoresPanel({ orgId }: { orgId: string }) {
  const stores = useSecretStores(orgId);
  const { patch } = useSecretStoreChanges(orgId);
  const may = useOrgSettingsAccess(orgId, 'Changing secret stores');
  return (
    <Panel titleId="secret-stores-heading" title="Secret stores">
      <PanelBody className="stack">
        <p className="muted">
          Where secret values are kept. New secrets go to the primary store; a
          secret reference names a store and a path in it.
        </p>
        <QueryState query={stores} what="secret stores" rows={3}>
          {(data) => (
            <DataTable
              caption="Secret stores"
              label="Secret stores, scrollable"
              // On a phone each store is a card of labelled lines (its actions were off-screen to the right).
              className="table--stack secret-stores-table"
              columns={[
                'Store',
                'Kind',
                'Configuration',
                'Primary',
                <span className="visually-hidden">Actions</span>,
              ]}
              rows={data}
              renderRow={(store) => {
                const { kind, config } = kindOf(store);
                return (
                  <tr key={store.id}>
                    <th scope="row" data-label="Store">
                      <code>{store.id}</code>
                    </th>
                    <td data-label="Kind">
                      {kind === 'humanitec'
                        ? 'Built-in (the engine’s own)'
                        : KINDS[kind].title}
                    </td>
                    <td data-label="Configuration">
                      {Object.keys(config).length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <dl className="kv">
                          {Object.entries(config).map(([k, v]) => (
                            <div key={k}>
                              <dt>{k}</dt>
                              <dd className="mono">{v}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                    <td data-label="Primary">
                      {store.primary ? (
                        <strong>Primary</strong>
                      ) : (
                        <GuardedButton
                          can={may}
                          className="button button--small"
                          aria-label={`Make ${store.id} the primary store`}
                          disabled={patch.isPending}
                          onClick={() =>
                            patch.mutate({
                              storeId: store.id,
                              change: { primary: true },
                            })
                          }
                        >
                          Make primary
                        </GuardedButton>
                      )}
                    </td>
                    <td>
                      <div className="row secret-stores-table__actions">
                        <EditStore orgId={orgId} store={store} may={may} />
                        <DeleteStore orgId={orgId} store={store} may={may} />
                      </div>
                    </td>
                  </tr>
                );
              }}
            />
          )}
        </QueryState>
        {patch.isError && (
          <ErrorPanel error={patch.error} action="change the secret store" />
        )}
        <NewStoreForm orgId={orgId} may={may} />
      </PanelBody>
    </Panel>
  );
}
