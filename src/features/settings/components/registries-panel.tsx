import { useState, type FormEvent } from 'react';
import type { Registry, RegistryRequest } from '@/api/org-settings';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { TextField } from '@/components/ui/text-field';
import type { CanResult } from '@/hooks/use-can';
import { useRegistryChanges } from '../mutations';
import { useRegistries, useRegistryCreds } from '../queries';
import { useOrgSettingsAccess } from './org-settings-access';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';

/** The registry types that take a user name and password (`secret_ref`, which reads cluster secrets, is API-only). */
const TYPES: { id: string; title: string }[] = [
  { id: 'basic', title: 'Basic (user name and password)' },
  { id: 'amazon_ecr', title: 'Amazon ECR' },
  { id: 'google_gcr', title: 'Google Container Registry' },
  { id: 'azure_acr', title: 'Azure Container Registry' },
];

/** What each type's two credentials are called where the registry's cloud issues them. */
const CREDENTIALS: Record<string, { user: string; secret: string }> = {
  basic: { user: 'User name', secret: 'Password' },
  amazon_ecr: { user: 'Access key id', secret: 'Secret access key' },
  google_gcr: {
    user: 'User name (_json_key)',
    secret: 'Service account key (JSON)',
  },
  azure_acr: {
    user: 'Service principal id',
    secret: 'Service principal password',
  },
};

const titleOf = (type: string) =>
  type === 'secret_ref'
    ? 'Kubernetes secret in each cluster'
    : (TYPES.find((t) => t.id === type)?.title ?? type);

/**
 * Whether a registry has credentials: `/creds` answers the user name and a masked password, and only to
 * administrators and managers; the console shows neither, only "Set" or "Not set".
 */
function CredentialsCell({
  orgId,
  registry,
  may,
}: {
  orgId: string;
  registry: Registry;
  may: CanResult;
}) {
  // While the permissions load `may` allows (the API decides); ask /creds only once they say yes.
  const known = may.allowed && !may.loading;
  const creds = useRegistryCreds(orgId, registry.id, known);
  if (!may.allowed) return <span className="muted">—</span>;
  if (!known || creds.isPending)
    return <span className="muted">Checking…</span>;
  if (creds.isError) return <span className="muted">Unknown</span>;
  return creds.data.username ? <>Set</> : <>Not set</>;
}

/** Deletes a registry after confirming. */
function DeleteRegistry({
  orgId,
  registry,
  may,
}: {
  orgId: string;
  registry: Registry;
  may: CanResult;
}) {
  const { remove } = useRegistryChanges(orgId);
  return (
    <ConfirmDelete
      can={may}
      label={`Delete registry ${registry.id}`}
      title={`Delete registry ${registry.id}?`}
      confirmLabel="Delete registry"
      remove={remove}
      variables={registry.id}
    >
      <p>
        Its credentials go with it: deployments can no longer pull images from{' '}
        <code>{registry.registry}</code> with them.
      </p>
    </ConfirmDelete>
  );
}

/** The body of a new registry; credentials only when a user name or password was typed (the API checks both). */
function registryBody(fields: {
  id: string;
  registry: string;
  type: string;
  username: string;
  password: string;
}): RegistryRequest {
  const { id, registry, type, username, password } = fields;
  return {
    id: id.trim(),
    registry: registry.trim(),
    type,
    ...(username || password
      ? { creds: { username: username.trim(), password } }
      : {}),
  };
}

/** Registers a registry; the password is in a password field and is cleared once the API has it. */
function NewRegistryForm({ orgId, may }: { orgId: string; may: CanResult }) {
  const { create } = useRegistryChanges(orgId);
  const [id, setId] = useState('');
  const [registry, setRegistry] = useState('');
  const [type, setType] = useState('basic');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(registryBody({ id, registry, type, username, password }), {
      onSuccess: () => {
        setId('');
        setRegistry('');
        setUsername('');
        setPassword('');
        focusFieldAfterSubmit('registry-id');
      },
      onError: (error) =>
        focusFieldAfterSubmit(
          refusedFieldId(
            error,
            {
              id: 'registry-id',
              registry: 'registry-host',
              type: 'registry-type',
              creds: 'registry-username',
            },
            'registry-id',
          ),
        ),
    });
  };
  return (
    <form
      onSubmit={submit}
      className="stack"
      aria-labelledby="new-registry-heading"
    >
      <h3 id="new-registry-heading">Add a registry</h3>
      <div className="row">
        <TextField
          id="registry-id"
          label="Registry id"
          mono
          value={id}
          placeholder="acme-registry"
          onChange={setId}
        />
        <TextField
          id="registry-host"
          label="Registry"
          mono
          value={registry}
          placeholder="registry.acme.dev/acme"
          onChange={setRegistry}
        />
        <div className="field">
          <label htmlFor="registry-type">Type</label>
          <select
            id="registry-type"
            className="input"
            value={type}
            onChange={(e) => setType(e.target.value)}
          >
            {TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="stack">
        <legend>Credentials</legend>
        <p className="field__hint">
          Checked, then never shown again: the list says only whether a registry
          has them.
        </p>
        <div className="row">
          <TextField
            id="registry-username"
            label={(CREDENTIALS[type] ?? CREDENTIALS.basic).user}
            type="password"
            autoComplete="off"
            value={username}
            onChange={setUsername}
          />
          <TextField
            id="registry-password"
            label={(CREDENTIALS[type] ?? CREDENTIALS.basic).secret}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
          />
        </div>
      </fieldset>
      {create.isError && (
        <ErrorPanel error={create.error} action="add the registry" />
      )}
      <div>
        <GuardedButton
          can={may}
          type="submit"
          className="button button--primary"
          disabled={
            create.isPending || id.trim() === '' || registry.trim() === ''
          }
        >
          {create.isPending ? 'Adding…' : 'Add registry'}
        </GuardedButton>
      </div>
    </form>
  );
}

/** The organisation's container registries: list (credentials only as set or not), add, delete. */
export function RegistriesPanel({ orgId }: { orgId: string }) {
  const registries = useRegistries(orgId);
  const may = useOrgSettingsAccess(orgId, 'Changing registries');
  return (
    <Panel titleId="registries-heading" title="Registries">
      <PanelBody className="stack">
        <p className="muted">
          Container registries deployments pull images from, with the
          credentials to do so.
        </p>
        <QueryState query={registries} what="registries" rows={2}>
          {(data) => (
            <DataTable
              caption="Registries"
              label="Registries, scrollable"
              columns={[
                'Id',
                'Registry',
                'Type',
                'Credentials',
                <span className="visually-hidden">Actions</span>,
              ]}
              rows={data}
              empty={<p className="muted">No registries yet.</p>}
              renderRow={(registry) => (
                <tr key={registry.id}>
                  <td>
                    <code>{registry.id}</code>
                  </td>
                  <td className="mono">{registry.registry}</td>
                  <td>{titleOf(registry.type)}</td>
                  <td>
                    <CredentialsCell
                      orgId={orgId}
                      registry={registry}
                      may={may}
                    />
                  </td>
                  <td>
                    <DeleteRegistry
                      orgId={orgId}
                      registry={registry}
                      may={may}
                    />
                  </td>
                </tr>
              )}
            />
          )}
        </QueryState>
        <NewRegistryForm orgId={orgId} may={may} />
      </PanelBody>
    </Panel>
  );
}
