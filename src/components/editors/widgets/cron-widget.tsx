import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import cronstrue from 'cronstrue';

/** What a cron expression means in words, or why it is not one. */
export function describeCron(expression: string): {
  ok: boolean;
  text: string;
} {
  if (!expression.trim())
    return {
      ok: true,
      text: 'Five fields: minute, hour, day of month, month, day of week.',
    };
  try {
    return {
      ok: true,
      text: `Runs ${cronstrue.toString(expression, { use24HourTimeFormat: true, throwExceptionOnParseError: true }).replace(/^[A-Z]/, (c) => c.toLowerCase())} (UTC).`,
    };
  } catch (error) {
    return {
      ok: false,
      text: `Not a cron expression: ${String(error).replace(/^Error: /, '')}`,
    };
  }
}

/** A cron expression with a preview in words. */
export function CronWidget({
  id,
  value,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  placeholder,
  rawErrors,
  required,
}: WidgetProps) {
  const text = typeof value === 'string' ? value : '';
  const preview = describeCron(text);
  const previewId = `${id}__cron`;
  return (
    <div className="stack widget-cron">
      <input
        id={id}
        className="input mono"
        value={text}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder || '*/15 * * * *'}
        aria-invalid={(rawErrors?.length ?? 0) > 0 || !preview.ok}
        aria-describedby={`${ariaDescribedByIds(id)} ${previewId}`}
        onChange={(e) => onChange(e.target.value || undefined)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <span
        id={previewId}
        className={preview.ok ? 'field__hint' : 'field__error'}
        aria-live="polite"
      >
        {preview.text}
      </span>
    </div>
  );
}
