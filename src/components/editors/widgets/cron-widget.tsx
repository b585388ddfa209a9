import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import cronstrue from 'cronstrue';
import { CRON_MACROS, cronProblem } from '@/lib/json-schema/cron';

/**
 * What a cron expression means in words, or why it is not one. The verdict
 * is the shared check's (src/lib/json-schema/cron.ts), the one the form's
 * validator and the engine apply to every cron field: the widget never calls
 * valid what they refuse, nor the reverse.
 */
export function describeCron(expression: string): {
  ok: boolean;
  text: string;
} {
  if (!expression.trim())
    return {
      ok: true,
      text: 'Five fields: minute, hour, day of month, month, day of week.',
    };
  const problem = cronProblem(expression);
  if (problem) return { ok: false, text: `Not a cron expression: ${problem}.` };
  const macro = CRON_MACROS[expression.trim().toLowerCase()];
  if (macro) return { ok: true, text: `Runs ${macro} (UTC).` };
  try {
    return {
      ok: true,
      text: `Runs ${cronstrue.toString(expression, { use24HourTimeFormat: true, throwExceptionOnParseError: true }).replace(/^[A-Z]/, (c) => c.toLowerCase())} (UTC).`,
    };
  } catch {
    return { ok: true, text: 'A cron expression (UTC).' };
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
  // Once the form has validated the field, its error (the same check, or the schema's own message) says what is wrong.
  const validated = (rawErrors?.length ?? 0) > 0;
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
        aria-invalid={validated || !preview.ok}
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
        {preview.ok || !validated ? preview.text : ''}
      </span>
    </div>
  );
}
