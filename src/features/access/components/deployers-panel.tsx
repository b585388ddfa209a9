import { useEffect, useRef, useState } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { focusableHeading, focusIsLost } from '@/lib/focus';
import { useCan } from '@/hooks/use-can';
import './access.css';
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
  // A deployer removed takes its row away with the Remove button that had focus: focus goes to the next
  // deployer's Remove (else the one before), else the type's "Add a deployer" field (else the panel's heading),
  // not the page's body.
  const removed = useRef<{
    button: HTMLButtonElement;
    list: Element;
    index: number;
    field: string;
  }>(null);
  useEffect(() => {
    const gone = removed.current;
    if (!gone || gone.button.isConnected) return;
    removed.current = null;
    if (!focusIsLost(gone.button)) return;
    const left = gone.list.isConnected
      ? gone.list.querySelectorAll('button')
      : [];
    (
      left[gone.index] ??
      left[gone.index - 1] ??
      document.getElementById(gone.field) ??
      focusableHeading('deployers-heading')
    )?.focus();
  });
  const removeDeployer = (
    button: HTMLButtonElement,
    envType: string,
    userId: string,
  ) => {
    const list = button.closest('ul')!;
    removed.current = {
      button,
      list,
      index: [...list.querySelectorAll('button')].indexOf(button),
      field: `deployer-${envType}`,
    };
    remove.mutate(
      { envType, userId },
      {
        onError: () => {
          removed.current = null;
        },
      },
    );
  };
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
            <div key={type.id} className="stack access-group">
              <h3>{type.id}</h3>
              <ul
                className="stack access-list"
                aria-label={`Deployers of ${type.id}`}
              >
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
                      onClick={(event) =>
                        removeDeployer(event.currentTarget, type.id, u.id)
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
                  onChange={(e) => {
                    const value = e.target.value;
                    setAdding((now) => ({ ...now, [type.id]: value }));
                  }}
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
                  onClick={(event) => {
                    const button = event.currentTarget;
                    add.mutate(
                      { envType: type.id, userId: adding[type.id] },
                      {
                        onSuccess: () => {
                          setAdding((now) => ({ ...now, [type.id]: '' }));
                          // The emptied field disables the button, which drops focus: back to the field, for the next.
                          requestAnimationFrame(() => {
                            if (focusIsLost(button))
                              document
                                .getElementById(`deployer-${type.id}`)
                                ?.focus();
                          });
                        },
                      },
                    );
                  }}
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
