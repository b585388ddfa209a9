import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { useRows } from './use-rows';

type Port = Record<string, unknown>;

/** Which keys of a port entry hold the port, the target port and the protocol (humanitec/service or Score). */
function portKeys(schema: RJSFSchema) {
  const item =
    typeof schema.additionalProperties === 'object'
      ? (schema.additionalProperties as RJSFSchema)
      : {};
  const props = (item.properties ?? {}) as Record<string, RJSFSchema>;
  const target = ['container_port', 'targetPort'].find((k) => k in props);
  const protocols = (props.protocol?.enum as string[] | undefined) ?? [
    'TCP',
    'UDP',
  ];
  return { target, protocols };
}

const num = (text: string) =>
  text.trim() === ''
    ? undefined
    : /^\d+$/.test(text.trim())
      ? Number(text)
      : text;

/** A table of named ports: port, target port and protocol. */
export function PortListField({
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
  const { target, protocols } = portKeys(schema);
  const { rows, duplicates, add, change, remove } = useRows<Port>(
    formData as Record<string, Port> | undefined,
    (next) => onChange(next, fieldPathId.path),
  );
  const [focusRow, setFocusRow] = useState<number>();
  useEffect(() => {
    if (focusRow !== undefined)
      document.getElementById(`${fieldPathId.$id}__name-${focusRow}`)?.focus();
  }, [focusRow, fieldPathId.$id]);
  const locked = disabled || readonly;
  const set = (id: number, port: Port, key: string, value: unknown) => {
    const next = { ...port, [key]: value };
    if (value === undefined) delete next[key];
    change(id, { value: next });
  };
  return (
    <fieldset className="widget-map" id={fieldPathId.$id}>
      <legend>{title}</legend>
      {rows.length === 0 ? (
        <p className="muted">
          No ports: the workload is not reachable over the network.
        </p>
      ) : (
        <table className="table widget-ports">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Port</th>
              {target && <th scope="col">Target port</th>}
              <th scope="col">Protocol</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const label = row.key || `row ${i + 1}`;
              const errors = [
                ...(duplicates.has(row.key.trim())
                  ? [`"${row.key.trim()}" is used twice.`]
                  : []),
                ...collect(errorSchema?.[row.key.trim()]),
              ];
              return (
                <tr key={row.id}>
                  <td>
                    <input
                      id={`${fieldPathId.$id}__name-${row.id}`}
                      className="input mono"
                      aria-label={`Name of port ${i + 1}`}
                      value={row.key}
                      disabled={locked}
                      onChange={(e) => change(row.id, { key: e.target.value })}
                    />
                    {errors.length > 0 && (
                      <span className="field__error" role="status">
                        {errors.join(' ')}
                      </span>
                    )}
                  </td>
                  <td>
                    <input
                      className="input mono"
                      inputMode="numeric"
                      aria-label={`Port of ${label}`}
                      value={String(row.value.port ?? '')}
                      disabled={locked}
                      onChange={(e) =>
                        set(row.id, row.value, 'port', num(e.target.value))
                      }
                    />
                  </td>
                  {target && (
                    <td>
                      <input
                        className="input mono"
                        inputMode="numeric"
                        aria-label={`Target port of ${label}`}
                        value={String(row.value[target] ?? '')}
                        disabled={locked}
                        onChange={(e) =>
                          set(row.id, row.value, target, num(e.target.value))
                        }
                      />
                    </td>
                  )}
                  <td>
                    <select
                      className="select"
                      aria-label={`Protocol of ${label}`}
                      value={String(row.value.protocol ?? '')}
                      disabled={locked}
                      onChange={(e) =>
                        set(
                          row.id,
                          row.value,
                          'protocol',
                          e.target.value || undefined,
                        )
                      }
                    >
                      <option value="">Default</option>
                      {protocols.map((p) => (
                        <option key={p} value={p}>
                          {p}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      disabled={locked}
                      aria-label={`Remove port ${label}`}
                      onClick={() => remove(row.id)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={locked}
        onClick={() => setFocusRow(add({}))}
      >
        Add port
      </button>
    </fieldset>
  );
}

function collect(tree: unknown): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) =>
    key === '__errors' && Array.isArray(value)
      ? value.map(String)
      : collect(value),
  );
}
