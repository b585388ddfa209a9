import { useState } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useCan } from '@/hooks/use-can';
import { useEnvTypeDeployers } from '../hooks/use-env-type-deployers';
import { useOrgUsers } from '../queries';
import { GuardedButton } from '@/components/ui/guarded-button';

/** Who may deploy to each environment type (the deployer role). */
export function DeployersPanel({ orgId }: { orgId: string }) {
  const { types, deployers, add, remove } = useEnvTypeDeployers(orgId);
  const users = useOrgUsers(orgId);
  const may = useCan(orgId, 'env-types', { envType: types.data?.[0]?.id });
  const [adding, setAdding] = useState<Record<string, string>>({});
  const failed = add.error ?? remove.error;
  return (
    <Panel titleId="deployers-heading" title="Deployers by environment type">
      <PanelBody className="stack">
        <p className="muted">
          An app&apos;s developers deploy to, pause and scale environments of
          the types where they are deployers; app owners everywhere.
        </p>
        {(types.isPending || deployers.isPending) && (
          <Skeleton rows={3} label="Loading deployers" />
        )}
        {types.isError && (
          <ErrorPanel
            error={types.error}
            action="load the environment types"
            onRetry={() => types.refetch()}
          />
        )}
        {deployers.isError && (
          <ErrorPanel
            error={deployers.error}
            action="load the deployers"
            onRetry={() => deployers.refetch()}
          />
        )}
        {deployers.data &&
          types.data?.map((type) => (
            <div key={type.id} className="stack">
              <h3>{type.id}</h3>
              <ul aria-label={`Deployers of ${type.id}`}>
                {deployers.data[type.id]?.length === 0 && (
                  <li className="muted">
                    Nobody yet: only owners and managers deploy here.
                  </li>
                )}
                {deployers.data[type.id]?.map((u) => (
                  <li key={u.id} className="row">
                    <span>{u.name}</span>
                    <GuardedButton
                      can={may}
                      className="button button--small"
                      aria-label={`Remove ${u.name} as deployer of ${type.id}`}
                      onClick={() =>
                        remove.mutate({ envType: type.id, userId: u.id })
                      }
                    >
                      Remove
                    </GuardedButton>
                  </li>
                ))}
              </ul>
              <div className="row">
                <label
                  className="visually-hidden"
                  htmlFor={`deployer-${type.id}`}
                >
                  New deployer of {type.id}
                </label>
                <select
                  id={`deployer-${type.id}`}
                  className="input"
                  value={adding[type.id] ?? ''}
                  onChange={(e) =>
                    setAdding({ ...adding, [type.id]: e.target.value })
                  }
                >
                  <option value="">Add a deployer…</option>
                  {users.data
                    ?.filter(
                      (u) =>
                        !deployers.data[type.id]?.some((d) => d.id === u.id),
                    )
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </select>
                <GuardedButton
                  can={may}
                  className="button"
                  disabled={!adding[type.id]}
                  onClick={() =>
                    add.mutate(
                      { envType: type.id, userId: adding[type.id] },
                      {
                        onSuccess: () =>
                          setAdding({ ...adding, [type.id]: '' }),
                      },
                    )
                  }
                >
                  Add to {type.id}
                </GuardedButton>
              </div>
            </div>
          ))}
        {failed && <ErrorPanel error={failed} action="change the deployers" />}
      </PanelBody>
    </Panel>
  );
}
