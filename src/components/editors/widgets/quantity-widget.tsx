import {
  ariaDescribedByIds,
  type RJSFSchema,
  type WidgetProps,
} from '@rjsf/utils';
import { useState } from 'react';
import { describeQuantity, UNITS, type QuantityKind } from './values';
import { patternOf } from '@/lib/json-schema/rules';

type Unit = (typeof UNITS)[QuantityKind][number];

/**
 * The units the field's schema allows: a number field takes plain numbers
 * (cores), a string field the units its `pattern` lets through. The widget
 * offers only those, and shows a value in any other unit as the text it is,
 * with the schema's own message, so it never accepts what the form and the
 * engine refuse.
 */
export function allowedUnits(kind: QuantityKind, schema: RJSFSchema): Unit[] {
  const types = (
    Array.isArray(schema.type) ? schema.type : [schema.type]
  ).filter(Boolean);
  const strings = types.length === 0 || types.includes('string');
  const numbers = types.includes('number') || types.includes('integer');
  const pattern = patternOf(schema);
  return UNITS[kind].filter(
    (u) =>
      (numbers && u.unit === '') ||
      (strings && (!pattern || pattern.test(`1${u.unit}`))),
  );
}

function split(units: Unit[], value: unknown) {
  const match = /^([\d.]*)([A-Za-z]*)$/.exec(
    value === undefined || value === null ? '' : String(value).trim(),
  );
  if (!match || units.length === 0) return undefined;
  const unit = match[1] === '' && match[2] === '' ? units[0].unit : match[2];
  return units.some((u) => u.unit === unit)
    ? { amount: match[1], unit }
    : undefined;
}

function QuantityWidget({
  kind,
  props,
}: {
  kind: QuantityKind;
  props: WidgetProps;
}) {
  const {
    id,
    label,
    value,
    onChange,
    onBlur,
    onFocus,
    disabled,
    readonly,
    rawErrors,
    schema,
    required,
  } = props;
  const units = allowedUnits(kind, schema);
  const parsed = split(units, value);
  // The unit chosen before an amount is typed would otherwise be lost.
  const [unit, setUnit] = useState(parsed?.unit ?? units[0]?.unit ?? '');
  const hint = `${id}__meaning`;
  const numeric = schema.type === 'number' || schema.type === 'integer';
  const emit = (amount: string, nextUnit: string) => {
    if (amount === '') return onChange(undefined);
    onChange(
      numeric && nextUnit === '' && /^\d+(\.\d+)?$/.test(amount)
        ? Number(amount)
        : `${amount}${nextUnit}`,
    );
  };
  const common = {
    disabled,
    readOnly: readonly,
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
  };
  if (!parsed) {
    return (
      <input
        {...common}
        id={id}
        className="input mono"
        value={String(value)}
        aria-invalid="true"
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  }
  const shownUnit =
    parsed.amount !== ''
      ? parsed.unit
      : units.some((u) => u.unit === unit)
        ? unit
        : units[0].unit;
  return (
    <div className="widget-quantity">
      <input
        {...common}
        id={id}
        required={required}
        className="input mono"
        inputMode="decimal"
        value={parsed.amount}
        aria-invalid={(rawErrors?.length ?? 0) > 0}
        aria-describedby={`${ariaDescribedByIds(id)} ${hint}`}
        onChange={(e) => emit(e.target.value.trim(), shownUnit)}
      />
      <select
        className="select"
        aria-label={`${label || 'Quantity'} unit`}
        value={shownUnit}
        disabled={disabled || readonly}
        onChange={(e) => {
          setUnit(e.target.value);
          if (parsed.amount !== '') emit(parsed.amount, e.target.value);
        }}
      >
        {units.map((u) => (
          <option key={u.unit} value={u.unit}>
            {u.label}
          </option>
        ))}
      </select>
      <span id={hint} className="field__hint" aria-live="polite">
        {describeQuantity(kind, value) ?? ''}
      </span>
    </div>
  );
}

/** A CPU quantity: an amount in cores or millicores. */
export const CpuWidget = (props: WidgetProps) => (
  <QuantityWidget kind="cpu" props={props} />
);
/** A memory quantity: an amount in MiB, GiB, … */
export const MemoryWidget = (props: WidgetProps) => (
  <QuantityWidget kind="memory" props={props} />
);
