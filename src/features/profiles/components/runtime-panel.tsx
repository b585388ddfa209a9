import type { SpecDefinition } from '@/api/types';
import { Panel, PanelBody } from '@/components/ui/panel';

/** What the console does with the runtime features it knows. */
const KNOWN: Record<string, string> = {
  'humanitec/logs': "The workload's container logs, in the runtime panel.",
  'humanitec/runtime':
    'Controllers, pods and container states, in the runtime panel.',
};

/**
 * The profile's runtime properties: what the console shows about a running
 * workload of this profile. Developers do not fill them in, so they are not in
 * the form; publishing a new version keeps them.
 */
export function RuntimePanel({
  runtime,
}: {
  runtime: NonNullable<SpecDefinition['runtime_properties']>;
}) {
  return (
    <Panel
      titleId="runtime-heading"
      title="Runtime properties"
      actions={<span className="muted">{runtime.length}</span>}
    >
      <PanelBody className="stack">
        <p className="muted">
          Shown for running workloads of this profile; not part of the form. New
          versions keep them.
        </p>
        <ul className="runtime-list">
          {runtime.map((property, i) => (
            <li key={`${property.feature_name ?? property.type}-${i}`}>
              <code>{property.feature_name ?? property.type}</code>
              {property.version && (
                <span className="muted"> {property.version}</span>
              )}
              {property.title && <> · {property.title}</>}
              <div className="muted">
                {KNOWN[property.feature_name ?? ''] ??
                  `A ${property.type} the platform reads at run time.`}
              </div>
            </li>
          ))}
        </ul>
      </PanelBody>
    </Panel>
  );
}
