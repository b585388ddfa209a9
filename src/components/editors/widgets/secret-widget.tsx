import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useState } from 'react';

/**
 * A write-only secret: a stored value is never shown (not even masked in the
 * DOM); the user can only replace it. A new value is typed into a masked input.
 */
export function SecretWidget({
  id,
  label,
  value,
  onChange,
  onBlur,
  onFocus,
  disabled,
  readonly,
  rawErrors,
  required,
}: WidgetProps) {
  const [stored] = useState(() =>
    typeof value === 'string' && value !== '' ? value : undefined,
  );
  const [replacing, setReplacing] = useState(stored === undefined);
  const hint = `${id}__secret`;
  if (!replacing) {
    return (
      <div className="widget-secret">
        <span id={hint} className="chip">
          A value is stored (hidden)
        </span>
        <button
          id={id}
          type="button"
          className="button button--small"
          disabled={disabled || readonly}
          onClick={() => setReplacing(true)}
          aria-label={`Replace ${label || 'value'}`}
          aria-describedby={hint}
        >
          Replace {label || 'value'}
        </button>
      </div>
    );
  }
  return (
    <div className="widget-secret">
      <input
        id={id}
        type="password"
        className="input mono"
        autoComplete="new-password"
        spellCheck={false}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        value={value === stored ? '' : typeof value === 'string' ? value : ''}
        aria-invalid={(rawErrors?.length ?? 0) > 0}
        aria-describedby={`${ariaDescribedByIds(id)} ${hint}`}
        onChange={(e) =>
          onChange(e.target.value === '' ? stored : e.target.value)
        }
        onBlur={() => onBlur(id, undefined)}
        onFocus={() => onFocus(id, undefined)}
      />
      <span id={hint} className="field__hint">
        Write-only: the value is sent when you save and never shown again.
      </span>
      {stored !== undefined && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            onChange(stored);
            setReplacing(false);
          }}
        >
          Keep the stored value
        </button>
      )}
    </div>
  );
}
