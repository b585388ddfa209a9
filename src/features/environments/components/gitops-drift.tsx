import type { GitopsDriftField } from '@/api/gitops';
import { FieldChangeList } from '@/components/diff/field-change-list';
import type { FieldChange } from '@/lib/diff/field-changes';
import type { JsonValue } from '@/lib/json-schema/pointer';

/** The drifted fields of one live object. */
export interface DriftedObject {
  kind: string;
  name: string;
  changes: FieldChange[];
}

/**
 * The drift as the diff components read it: one entry per live object, each
 * field a change from its value in git to its value in the cluster (an image
 * shows as an image, anything else as a setting).
 */
export function driftedObjects(
  drift: readonly GitopsDriftField[],
): DriftedObject[] {
  const objects = new Map<string, DriftedObject>();
  for (const field of drift) {
    const key = `${field.kind}/${field.name}`;
    const object = objects.get(key) ?? {
      kind: field.kind,
      name: field.name,
      changes: [],
    };
    object.changes.push({
      category: /(^|\.)image$/.test(field.field) ? 'image' : 'other',
      // null: git (or live) does not set the field, e.g. an env var added with kubectl set env.
      kind:
        field.git_value == null
          ? 'added'
          : field.live_value == null
            ? 'removed'
            : 'changed',
      label: field.field,
      path: field.field,
      from: (field.git_value ?? undefined) as JsonValue | undefined,
      to: (field.live_value ?? undefined) as JsonValue | undefined,
    });
    objects.set(key, object);
  }
  return [...objects.values()];
}

/** Where live differs from git, object by object: each field from its value in git to its value in the cluster. */
export function GitopsDrift({ drift }: { drift: readonly GitopsDriftField[] }) {
  return (
    <div className="stack" data-testid="gitops-drift">
      <p>
        The cluster differs from git: someone changed it outside a deployment.
        Each field shows its value in git (from) and in the cluster (to). Resync
        to restore what git holds.
      </p>
      {driftedObjects(drift).map((object) => (
        <div key={`${object.kind}/${object.name}`}>
          <h4 className="gitops-drift__object">
            <span className="muted">{object.kind}</span>{' '}
            <code className="gitops-id">{object.name}</code>
          </h4>
          <FieldChangeList
            changes={object.changes}
            subject={`${object.kind} ${object.name} (git to live)`}
          />
        </div>
      ))}
    </div>
  );
}
