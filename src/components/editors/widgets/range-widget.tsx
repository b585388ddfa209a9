import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import './widgets.css';

/** The slider's step: the schema's `multipleOf`, else 1 for whole numbers and a hundredth of the range otherwise. */
function stepOf(schema: WidgetProps['schema'], min: number, max: number) {
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0)
    return schema.multipleOf;
  return schema.type === 'integer' ? 1 : Math.max((max - min) / 100, 1e-6);
}

/**
 * A slider between the field's `minimum` and `maximum` (the annotation check
 * requires both) with the number shown beside it. A native range input:
 * arrows, Page Up/Down, Home and End move it, and its label is the field's.
 * An unset field shows "Not set" until the slider is moved.
 */
export function RangeWidget({
  id,
  value,
  schema,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  rawErrors,
  required,
}: WidgetProps) {
  const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 100;
  const step = stepOf(schema, min, max);
  const set = typeof value === 'number' && Number.isFinite(value);
  const outputId = `${id}__value`;
  return (
    <div className="widget-range">
      <input
        id={id}
        type="range"
        className="widget-range__slider"
        min={min}
        max={max}
        step={step}
        value={set ? value : min}
        required={required}
        disabled={disabled || readonly}
        aria-invalid={(rawErrors?.length ?? 0) > 0}
        aria-describedby={ariaDescribedByIds(id)}
        aria-valuetext={set ? undefined : 'Not set'}
        onChange={(e) => onChange(Number(e.target.value))}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <output id={outputId} htmlFor={id} className="widget-range__value mono">
        {set ? value : 'Not set'}
      </output>
    </div>
  );
}
