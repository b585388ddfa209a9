import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useState } from 'react';

type Mode = 'stored' | 'replacing' | 'cleared';

/**
 * A write-only secret. A stored value (the engine keeps a reference to its
 * secret store, `${secrets.…}`) is never shown, not even masked in the DOM:
 * the field says it is set and offers to replace or clear it. A new value is
 * typed into a masked input and sent when the form is saved; the engine
 * stores it and keeps only a reference in the workload.
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
  const [mode, setMode] = useState<Mode>(
    stored === undefined ? 'replacing' : 'stored',
  );
  const name = label || 'value';
  const hint = `${id}__secret`;
  const locked = disabled || readonly;
  const keep = () => {
    onChange(stored);
    setMode('stored');
  };

  if (stored !== undefined && mode !== 'replacing') {
    const cleared = mode === 'cleared';
    return (
      <div className="widget-secret">
        <span className="row">
          <span className="chip">{cleared ? 'Cleared' : 'Set'}</span>
          <span id={hint} className="field__hint">
            {cleared
              ? 'The stored value is removed when you save.'
              : 'A value is stored; it is never shown.'}
          </span>
        </span>
        <span className="row">
          {cleared ? (
            <button
              id={id}
              type="button"
              className="button button--small"
              disabled={locked}
              onClick={keep}
              aria-label={`Keep the stored ${name}`}
              aria-describedby={hint}
            >
              Keep the stored value
            </button>
          ) : (
            <>
              <button
                id={id}
                type="button"
                className="button button--small"
                disabled={locked}
                onClick={() => setMode('replacing')}
                aria-label={`Replace ${name}`}
                aria-describedby={hint}
              >
                Replace
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={locked}
                onClick={() => {
                  onChange(undefined);
                  setMode('cleared');
                }}
                aria-label={`Clear ${name}`}
                aria-describedby={hint}
              >
                Clear
              </button>
            </>
          )}
        </span>
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
        {stored === undefined ? 'Not set. ' : ''}Write-only: the value is sent
        when you save, kept in the secret store and never shown again.
      </span>
      {stored !== undefined && (
        <button type="button" className="button button--small" onClick={keep}>
          Keep the stored value
        </button>
      )}
    </div>
  );
}
