import { useState } from 'react';
import type { Value } from '@/api/values';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useEnvironments, useValueMatrix } from '../queries';
import { AddValueForm, DotenvImport, type ScopeChoice } from './value-forms';
import { ValueHistory } from './value-history';
import { ValuesTable } from './values-table';
import './values.css';

const byKey = (values: readonly Value[] | undefined) =>
  values ? Object.fromEntries(values.map((v) => [v.key, v])) : undefined;

/** An app's shared values: the table by environment, search, add, import, and the version history. */
export function ValuesPage({
  orgId,
  appId,
  canEdit,
}: {
  orgId: string;
  appId: string;
  canEdit: boolean;
}) {
  const envList = useEnvironments(orgId, appId);
  const envs = envList.data ?? [];
  const { app, envs: envValues } = useValueMatrix(
    orgId,
    appId,
    envs.map((e) => e.id),
  );
  const [search, setSearch] = useState('');
  const appValues = byKey(app.data) ?? {};
  const columns = envs.map((env, i) => ({
    id: env.id,
    name: env.name,
    values: byKey(envValues[i]?.data),
  }));
  const allKeys = [
    ...new Set([
      ...Object.keys(appValues),
      ...columns.flatMap((c) => Object.keys(c.values ?? {})),
    ]),
  ].sort();
  const query = search.trim().toLowerCase();
  const keys = allKeys.filter(
    (key) =>
      query === '' ||
      key.toLowerCase().includes(query) ||
      (appValues[key]?.description ?? '').toLowerCase().includes(query),
  );
  const scopes: ScopeChoice[] = [
    { id: '', label: 'The app (every environment)' },
    ...envs.map((env) => ({ id: env.id, label: `${env.name} only` })),
  ];
  const ownValues = (scopeId: string) => {
    if (scopeId === '') return appValues;
    const column = columns.find((c) => c.id === scopeId);
    return column?.values
      ? Object.fromEntries(
          Object.entries(column.values).filter(([, v]) => v.source === 'env'),
        )
      : undefined;
  };
  const failed =
    app.error ?? envList.error ?? envValues.find((q) => q.error)?.error;
  return (
    <div className="stack">
      <Panel>
        <PanelBody>
          <div className="stack">
            <div className="field values-search">
              <label htmlFor="values-search">Search values</label>
              <input
                className="input"
                id="values-search"
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            {(app.isPending || envList.isPending) && (
              <Skeleton rows={4} label="Loading the values" />
            )}
            {failed && (
              <ErrorPanel
                error={failed}
                action="load the values"
                onRetry={() => {
                  void app.refetch();
                  void envList.refetch();
                  for (const q of envValues) void q.refetch();
                }}
              />
            )}
            {app.isSuccess && allKeys.length === 0 && (
              <EmptyState title="No values yet">
                Add one below, or import a .env file; workloads use them as{' '}
                <code>{'${values.KEY}'}</code>.
              </EmptyState>
            )}
            {app.isSuccess && allKeys.length > 0 && keys.length === 0 && (
              <p className="muted">No value matches “{search}”.</p>
            )}
            {app.isSuccess && keys.length > 0 && (
              <ValuesTable
                orgId={orgId}
                appId={appId}
                keys={keys}
                app={appValues}
                envs={columns}
                envsRead={envList.isSuccess}
                canEdit={canEdit}
              />
            )}
          </div>
        </PanelBody>
      </Panel>
      {canEdit && (
        <Panel>
          <PanelBody>
            <AddValueForm orgId={orgId} appId={appId} scopes={scopes} />
          </PanelBody>
        </Panel>
      )}
      {canEdit && (
        <Panel>
          <PanelBody>
            <DotenvImport
              orgId={orgId}
              appId={appId}
              scopes={scopes}
              current={ownValues}
            />
          </PanelBody>
        </Panel>
      )}
      <Panel>
        <PanelBody>
          <ValueHistory
            orgId={orgId}
            appId={appId}
            scopes={scopes}
            canEdit={canEdit}
          />
        </PanelBody>
      </Panel>
    </div>
  );
}
