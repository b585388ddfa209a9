import { useQuery } from '@tanstack/react-query';
import { valueQueries } from '@/api/queries/values';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { resolveValueReferences } from '@/lib/values';

/** The strings of a workload spec, by dotted field, that hold `${values.KEY}`. */
function referencingFields(spec: unknown, prefix = 'spec'): [string, string][] {
  if (typeof spec === 'string')
    return spec.includes('${values.') ? [[prefix, spec]] : [];
  if (Array.isArray(spec))
    return spec.flatMap((item, i) => referencingFields(item, `${prefix}.${i}`));
  if (spec && typeof spec === 'object')
    return Object.entries(spec).flatMap(([key, value]) =>
      referencingFields(value, `${prefix}.${key}`),
    );
  return [];
}

/**
 * What the workload's `${values.KEY}` references resolved to in its
 * deployment: the value-set version the deployment recorded, each field with
 * its resolved text (a secret masked). Nothing when the workload uses none.
 */
export function WorkloadValues({
  orgId,
  appId,
  envId,
  versionId,
  spec,
}: {
  orgId: string;
  appId: string;
  envId: string;
  /** The deployment's value_set_version_id (none: deployed before the app had values). */
  versionId: string | null | undefined;
  spec: unknown;
}) {
  const fields = referencingFields(spec);
  const version = useQuery({
    ...valueQueries.envVersion(orgId, appId, envId, versionId ?? ''),
    enabled: Boolean(versionId) && fields.length > 0,
  });
  if (fields.length === 0) return null;
  return (
    <Panel titleId="workload-values-heading" title="Values this workload reads">
      <PanelBody>
        {!versionId && (
          <p className="muted">
            Its deployment used no value-set version: the references are shown
            as written.
          </p>
        )}
        {versionId && version.isPending && (
          <Skeleton rows={2} label="Loading the values" />
        )}
        {version.isError && (
          <ErrorPanel
            error={version.error}
            action="load the values the deployment used"
            onRetry={() => void version.refetch()}
          />
        )}
        {(!versionId || version.data) && (
          <DataTable
            caption="Resolved values"
            columns={['Field', 'As written', 'Resolved']}
            rows={fields}
            renderRow={([field, text]) => (
              <tr key={field}>
                <th scope="row">
                  <code>{field}</code>
                </th>
                <td className="values-cell__text">
                  <code>{text}</code>
                </td>
                <td className="values-cell__text">
                  {
                    resolveValueReferences(text, version.data?.values ?? {})
                      .text
                  }
                </td>
              </tr>
            )}
          />
        )}
      </PanelBody>
    </Panel>
  );
}
