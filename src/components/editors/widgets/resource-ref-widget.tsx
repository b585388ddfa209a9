import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { labelledMessage } from '@/lib/json-schema/labels';
import {
  fitsFilter,
  resourceFilter,
  resourceRefProblem,
  resourceRefValue,
  type KnownResource,
  type ResourceScopes,
} from '@/lib/json-schema/resource-refs';
import type { ResourceOption, SchemaFormContext } from '../schema-form-types';

/** The option's value in this field: the placeholder of an output when the field wants one (`${shared.db.host}`). */
const valueFor = (option: ResourceOption, output?: string) =>
  option.scope && option.name
    ? resourceRefValue(option.scope, option.name, output)
    : option.value;

/** The resources the options describe, by scope, as the engine sees the set. */
function scopesOf(options: ResourceOption[]): ResourceScopes {
  const scopes: Record<string, Record<string, KnownResource>> = {};
  for (const o of options)
    if (o.scope && o.name)
      (scopes[o.scope] ??= {})[o.name] = { type: o.type, class: o.class };
  return scopes;
}

/**
 * A picker of the application's shared resources, the workload's private
 * resources and the resource types, grouped; only those of the type (and
 * class) the field asks for (`x-console-resource-type`, `-class`). A field
 * that wants an output (`x-console-resource-output`) gets its placeholder,
 * `${shared.db.host}`. A value the environment cannot resolve is kept, marked,
 * and explained with the engine's own words (src/lib/json-schema/resource-refs.ts).
 */
export function ResourceRefWidget({
  id,
  value,
  label,
  schema,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  rawErrors,
  required,
  registry,
}: WidgetProps) {
  const all: ResourceOption[] =
    (registry.formContext as SchemaFormContext | undefined)?.resources ?? [];
  const filter = resourceFilter(schema as Record<string, unknown>);
  const options = all.filter((o) =>
    o.scope
      ? fitsFilter({ type: o.type, class: o.class }, filter)
      : // A type stands for a new resource of it: not an output to refer to, and of the default class.
        !filter.output &&
        !filter.class &&
        (!filter.types || filter.types.includes(o.type ?? o.value)),
  );
  const current = typeof value === 'string' ? value : '';
  const groups = [...new Set(options.map((o) => o.group))];
  const known = options.some((o) => valueFor(o, filter.output) === current);
  // Without options the form cannot know the environment's resources: the engine judges alone.
  const problem =
    current && !known && all.length > 0 && !rawErrors?.length
      ? resourceRefProblem(current, filter, scopesOf(all))
      : undefined;
  const problemId = `${id}__resource-problem`;
  const wanted = filter.types?.join(' or ');
  return (
    <div className="widget-resource">
      <select
        id={id}
        className="select mono"
        value={current}
        required={required}
        disabled={disabled || readonly}
        aria-invalid={(rawErrors?.length ?? 0) > 0 || !!problem}
        aria-describedby={[ariaDescribedByIds(id), problem ? problemId : '']
          .filter(Boolean)
          .join(' ')}
        onChange={(e) => onChange(e.target.value || undefined)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      >
        <option value="">
          {options.length
            ? 'Choose a resource…'
            : `No ${wanted ? `${wanted} ` : ''}resources to choose from`}
        </option>
        {current && !known && (
          <option value={current}>
            {current} ({problem ? 'not in this environment' : 'current'})
          </option>
        )}
        {groups.map((group) => (
          <optgroup key={group} label={group}>
            {options
              .filter((o) => o.group === group)
              .map((o) => (
                <option key={o.value} value={valueFor(o, filter.output)}>
                  {o.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {problem && (
        <p id={problemId} className="field__error">
          {labelledMessage(label, problem)}
        </p>
      )}
    </div>
  );
}
