import type { FieldProps } from '@rjsf/utils';
import { useFocusAfterRender, useRows } from './use-rows';

const asText = (value: unknown) =>
  typeof value === 'string'
    ? value
    : value === undefined
      ? ''
      : JSON.stringify(value);

/** An editor of names and values (e.g. environment variables) for an object of strings. */
export function KeyValueField({
  schema,
  name,
  formData,
  onChange,
  fieldPathId,
  disabled,
  readonly,
  errorSchema,
}: FieldProps) {
  const title = schema.title ?? name;
  const { rows, duplicates, add, change, remove } = useRows<string>(
    formData as Record<string, string> | undefined,
    (next) => onChange(next, fieldPathId.path),
  );
  // After an add, the new row's first field; after a remove, the next row's, else the Add button.
  const focusAfterRender = useFocusAfterRender();
  const keyId = (row: number) => `${fieldPathId.$id}__key-${row}`;
  const addId = `${fieldPathId.$id}__add-row`;
  const locked = disabled || readonly;
  return (
    <fieldset className="widget-map" id={fieldPathId.$id}>
      <legend>{title}</legend>
      {schema.description && (
        <p className="field__hint">{schema.description}</p>
      )}
      {rows.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <div className="widget-map__rows">
          {rows.map((row, i) => {
            const errors = [
              ...(duplicates.has(row.key.trim())
                ? [`"${row.key.trim()}" is used twice; the last one wins.`]
                : []),
              ...((
                errorSchema?.[row.key.trim()] as
                  { __errors?: string[] } | undefined
              )?.__errors ?? []),
            ];
            return (
              <div className="widget-map__row" key={row.id}>
                <input
                  id={keyId(row.id)}
                  className="input mono"
                  aria-label={`${title}: name ${i + 1}`}
                  value={row.key}
                  disabled={locked}
                  spellCheck={false}
                  placeholder="NAME"
                  onChange={(e) => change(row.id, { key: e.target.value })}
                />
                <input
                  className="input mono"
                  aria-label={`${title}: value of ${row.key || `row ${i + 1}`}`}
                  value={asText(row.value)}
                  disabled={locked}
                  spellCheck={false}
                  placeholder="value"
                  onChange={(e) => change(row.id, { value: e.target.value })}
                />
                <button
                  type="button"
                  className="icon-button"
                  disabled={locked}
                  aria-label={`Remove ${row.key || `row ${i + 1}`}`}
                  onClick={() => {
                    const next = rows[i + 1] ?? rows[i - 1];
                    remove(row.id);
                    focusAfterRender(next ? keyId(next.id) : addId);
                  }}
                >
                  ×
                </button>
                {errors.length > 0 && (
                  <span
                    className="field__error widget-map__error"
                    role="status"
                  >
                    {errors.join(' ')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      )}
      <button
        id={addId}
        type="button"
        className="button button--small"
        disabled={locked}
        onClick={() => focusAfterRender(keyId(add('')))}
      >
        Add {title.toLowerCase().replace(/s$/, '')}
      </button>
    </fieldset>
  );
}
