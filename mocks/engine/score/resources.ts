/**
 * Where each resource of a Score file goes, as score-humanitec decides it: `environment` resources are the
 * app's values (`${values.KEY}`), `service` resources are other workloads (`${modules.<name>.service.…}`),
 * and every other resource is provisioned: a private resource of the workload (`externals.<name>`), or a
 * shared one (`shared.<name>`) when the resource says so — its Score `id` (resources with the same type,
 * class and id are the same resource across workloads), the `score.humanitec.io/resId` annotation, or the
 * deprecated `scope: shared` of the extensions. A shared resource of a class other than `default` is named
 * `<name>-class-<class>` and keeps `id: shared.<name>`, so that each class is its own resource.
 */
import { isJsonObject } from '../core/canonical';
import type { JsonObject, ResourceRef } from '../core/model/spec';
import { ID_PATTERN, invalid } from '../core/validate';
import type { ScoreExtensions } from './body';

/** The annotation score-humanitec reads a resource's id from (`externals.db`, `shared.dns`). */
export const RESOURCE_ID_ANNOTATION = 'score.humanitec.io/resId';

/** Humanitec's name segment: what may follow `shared.` or `externals.`. */
const NAME = ID_PATTERN;

/** What a resource of the Score file becomes. */
export type ScoreResource =
  | { kind: 'values' }
  | { kind: 'service'; workload: string }
  | {
      kind: 'externals' | 'shared';
      /** The key in `externals` or `shared`. */
      name: string;
      ref: ResourceRef;
    };

/** Where the resource `name` goes; `params` are filled in later (they may hold placeholders). */
export function classifyResource(
  name: string,
  resource: JsonObject,
  aliases: Record<string, string>,
  extensions: ScoreExtensions,
): ScoreResource {
  const scoreType = resource.type as string;
  if (scoreType === 'environment') return { kind: 'values' };
  if (scoreType === 'service') return { kind: 'service', workload: name };
  const type = aliases[scoreType] ?? scoreType;
  const cls = typeof resource.class === 'string' ? resource.class : 'default';
  const target = targetOf(name, resource, extensions);
  if (target.scope === 'externals')
    return { kind: 'externals', name: target.name, ref: { type, class: cls } };
  const named = cls === 'default' ? target.name : `${target.name}-class-${cls}`;
  return {
    kind: 'shared',
    name: named,
    ref: {
      type,
      class: cls,
      ...(cls !== 'default' ? { id: `shared.${target.name}` } : {}),
    },
  };
}

function targetOf(
  name: string,
  resource: JsonObject,
  extensions: ScoreExtensions,
): { scope: 'externals' | 'shared'; name: string } {
  const annotations = isJsonObject(resource.metadata)
    ? resource.metadata.annotations
    : undefined;
  const annotated = isJsonObject(annotations)
    ? annotations[RESOURCE_ID_ANNOTATION]
    : undefined;
  if (typeof annotated === 'string')
    return parseResourceId(
      annotated,
      `spec.resources.${name}.metadata.annotations.${RESOURCE_ID_ANNOTATION}`,
    );
  const scope = extensions.scopes[name];
  if (scope)
    return { scope: scope === 'shared' ? 'shared' : 'externals', name };
  if (typeof resource.id === 'string') {
    const id = resource.id.replace(/^shared\./, '');
    return {
      scope: 'shared',
      name: checkedName(id, `spec.resources.${name}.id`),
    };
  }
  return {
    scope: 'externals',
    name: checkedName(name, `spec.resources.${name}`),
  };
}

/** `externals.db`, `shared.dns` or a bare name (private). */
function parseResourceId(
  id: string,
  field: string,
): { scope: 'externals' | 'shared'; name: string } {
  const match = /^(?:(externals|shared)\.)?(.+)$/.exec(id)!;
  return {
    scope: match[1] === 'shared' ? 'shared' : 'externals',
    name: checkedName(match[2], field),
  };
}

function checkedName(name: string, field: string): string {
  if (!NAME.test(name) || name.length > 50)
    invalid(
      `\`${field}\` gives the resource the name "${name}", which a deployment set cannot hold: use lowercase letters, digits and single dashes (e.g. \`main-db\`).`,
      { field },
    );
  return name;
}
