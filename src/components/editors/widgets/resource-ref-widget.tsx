import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import type { ResourceOption, SchemaFormContext } from '../schema-form-types';

/** A picker of the application's shared resources and the resource types, grouped. */
export function ResourceRefWidget({
  id,
  value,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  rawErrors,
  required,
  registry,
}: WidgetProps) {
  const options: ResourceOption[] =
    (registry.formContext as SchemaFormContext | undefined)?.resources ?? [];
  const current = typeof value === 'string' ? value : '';
  const groups = [...new Set(options.map((o) => o.group))];
  const known = options.some((o) => o.value === current);
  return (
    <select
      id={id}
      className="select mono"
      value={current}
      required={required}
      disabled={disabled || readonly}
      aria-invalid={(rawErrors?.length ?? 0) > 0}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(e.target.value || undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      <option value="">
        {options.length ? 'Choose a resource…' : 'No resources to choose from'}
      </option>
      {current && !known && (
        <option value={current}>{current} (current)</option>
      )}
      {groups.map((group) => (
        <optgroup key={group} label={group}>
          {options
            .filter((o) => o.group === group)
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
