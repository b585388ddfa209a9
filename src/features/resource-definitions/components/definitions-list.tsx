import { useState } from 'react';
import { Link } from 'react-router';
import type { ResourceDefinition } from '@/api/resource-definitions';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel } from '@/components/ui/panel';
import { ShortId } from '@/components/ui/short-id';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useResourceDefinitions } from '../queries';
import {
  describeDefinitionCriteria,
  groupByType,
  matchesSearch,
} from '../utils/criteria';
import { IdText } from '@/components/ui/id-text';
import './resource-definitions.css';

/** One resource type's definitions. */
function TypeTable({
  orgId,
  type,
  defs,
}: {
  orgId: string;
  type: string;
  defs: ResourceDefinition[];
}) {
  const headingId = `defs-type-${type}`;
  return (
    <Panel
      titleId={headingId}
      title={<code>{type}</code>}
      headingLevel={2}
      actions={
        <span className="muted">
          {defs.length} definition{defs.length === 1 ? '' : 's'}
        </span>
      }
    >
      <DataTable
        caption={`Definitions of type ${type}`}
        label={`Definitions of type ${type}, scrollable`}
        className="defs-table table--stack"
        columns={['Definition', 'Driver', 'Matches', 'Version']}
        rows={defs}
        renderRow={(def) => (
          <tr key={def.id}>
            <th scope="row" data-label="Definition">
              <Link to={paths.resourceDef(orgId, def.id)}>
                <span className="mono">
                  <IdText text={def.id} />
                </span>
              </Link>
              {def.name && def.name !== def.id && (
                <div className="muted">{def.name}</div>
              )}
            </th>
            <td data-label="Driver">
              <code>
                <IdText text={def.driver_type} />
              </code>
            </td>
            <td className="defs__criteria" data-label="Matches">
              {describeDefinitionCriteria(def)}
            </td>
            <td data-label="Version">
              <ShortId id={def.active_version_id} label="Current version" />
            </td>
          </tr>
        )}
      />
    </Panel>
  );
}

/** The organisation's resource definitions grouped by resource type, with a search. */
export function DefinitionsList({ orgId }: { orgId: string }) {
  const defs = useResourceDefinitions(orgId);
  const [search, setSearch] = useState('');
  if (defs.isPending)
    return <Skeleton rows={6} label="Loading the resource definitions" />;
  if (defs.isError)
    return (
      <ErrorPanel
        error={defs.error}
        action="load the resource definitions"
        onRetry={() => defs.refetch()}
      />
    );
  if (defs.data.length === 0)
    return (
      <Panel padded>
        <EmptyState title="No resource definitions yet">
          A definition tells deployments how to provision a resource type
          (postgres, redis, dns…) and for which apps and environments.{' '}
          <Link to={paths.resourceDef(orgId, 'new')}>Create the first one</Link>
          : pick its type and driver, fill the driver&apos;s inputs, then add a
          matching criteria such as &quot;staging environments&quot;.
        </EmptyState>
      </Panel>
    );
  const shown = defs.data.filter((def) => matchesSearch(def, search));
  return (
    <div className="stack">
      <div className="field defs__search">
        <label htmlFor="defs-search">Search definitions</label>
        <input
          id="defs-search"
          className="input"
          type="search"
          placeholder="id, type, driver, app, environment…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {shown.length === 0 && (
        <p className="muted" role="status">
          No definition matches &quot;{search}&quot;.
        </p>
      )}
      {groupByType(shown).map(([type, list]) => (
        <TypeTable key={type} orgId={orgId} type={type} defs={list} />
      ))}
    </div>
  );
}
