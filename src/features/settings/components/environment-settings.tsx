import { useState, type FormEvent } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { useCan } from '@/hooks/use-can';
import { useEnvironmentChange } from '../mutations';
import { useOrgEnvTypes } from '../queries';

interface Props {
  orgId: string;
  appId: string;
  env: { id: string; name: string; type: string };
}

/**
 * An environment's settings: its display name and its type (who may deploy follows the type). The id never
 * changes. The fields keep what was typed when the API refuses the change.
 */
export function EnvironmentSettings({ orgId, appId, env }: Props) {
  const types = useOrgEnvTypes(orgId);
  const change = useEnvironmentChange(orgId, appId, env.id);
  const may = useCan(orgId, 'deploy', { appId, envType: env.type });
  const [name, setName] = useState(env.name);
  const [type, setType] = useState(env.type);
  const dirty = name.trim() !== env.name || type !== env.type;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({
      ...(name.trim() !== env.name ? { name: name.trim() } : {}),
      ...(type !== env.type ? { type } : {}),
    });
  };
  return (
    <Panel titleId="env-settings-heading" title="Environment settings">
      <PanelBody>
        <form
          onSubmit={submit}
          className="stack"
          aria-labelledby="env-settings-heading"
        >
          <div className="row">
            <div className="field">
              <label htmlFor="env-name">Name</label>
              <input
                id="env-name"
                className="input"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="env-type">Type</label>
              <select
                id="env-type"
                className="input"
                value={type}
                onChange={(e) => setType(e.target.value)}
              >
                {(types.data ?? [{ id: env.type, description: '' }]).map(
                  (t) => (
                    <option key={t.id} value={t.id}>
                      {t.id}
                    </option>
                  ),
                )}
              </select>
            </div>
          </div>
          <p className="field__hint">
            The id <code>{env.id}</code> never changes. Changing the type
            changes who may deploy here; you need to be a deployer of both
            types.
          </p>
          {types.isError && (
            <ErrorPanel
              error={types.error}
              action="load the environment types"
              onRetry={() => types.refetch()}
            />
          )}
          {change.isError && (
            <ErrorPanel error={change.error} action="change the environment" />
          )}
          {change.isSuccess && !dirty && <p role="status">Saved.</p>}
          <div>
            <GuardedButton
              can={may}
              type="submit"
              className="button button--primary"
              disabled={!dirty || name.trim() === '' || change.isPending}
            >
              {change.isPending ? 'Saving…' : 'Save environment'}
            </GuardedButton>
          </div>
        </form>
      </PanelBody>
    </Panel>
  );
}
