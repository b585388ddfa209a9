import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { useFocusAfterRender, useListRows, useRows } from './use-rows';

type Port = Record<string, unknown>;

const isSchema = (value: unknown): value is RJSFSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the field is a list of port objects (else a map of ports by name). */
const isList = (schema: RJSFSchema, formData: unknown) =>
  schema.type === 'array' ||
  (Array.isArray(schema.type) && schema.type.includes('array')) ||
  Array.isArray(formData);

/**
 * The schema of one port, which keys hold the target port and the protocol
 * (humanitec/service or Score), and whether a port of a list has a `name`.
 */
function portKeys(schema: RJSFSchema, list: boolean) {
  const raw = list ? schema.items : schema.additionalProperties;
  const item = isSchema(raw) ? raw : {};
  const props = (item.properties ?? {}) as Record<string, RJSFSchema>;
  const target = ['container_port', 'targetPort', 'target_port'].find(
    (k) => k in props,
  );
  const protocols = (props.protocol?.enum as string[] | undefined) ?? [
    'TCP',
    'UDP',
  ];
  return { target, protocols, named: !list || 'name' in props };
}

const num = (text: string) =>
  text.trim() === ''
    ? undefined
    : /^\d+$/.test(text.trim())
      ? Number(text)
      : text;

function collect(tree: unknown): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) =>
    key === '__errors' && Array.isArray(value)
      ? value.map(String)
      : collect(value),
  );
}

/** One row of the table, whichever shape the field has. */
interface PortRow {
  id: number;
  name: string;
  port: Port;
  /** The messages of the form or the engine about this port. */
  errors: string[];
}

interface TableProps {
  title: string;
  fieldId: string;
  named: boolean;
  target?: string;
  protocols: string[];
  locked: boolean;
  rows: PortRow[];
  duplicates: Set<string>;
  onName: (id: number, name: string) => void;
  onPort: (id: number, port: Port) => void;
  onRemove: (id: number) => void;
  /** Adds an empty port; returns its row id. */
  onAdd: () => number;
}

/** The table of ports: name (when ports have one), port, target port and protocol. */
function PortsTable({
  title,
  fieldId,
  named,
  target,
  protocols,
  locked,
  rows,
  duplicates,
  onName,
  onPort,
  onRemove,
  onAdd,
}: TableProps) {
  // After an add, the new row's first field; after a remove, the next row's, else the Add button.
  const focusAfterRender = useFocusAfterRender();
  const firstFieldId = (row: number) =>
    `${fieldId}__${named ? 'name' : 'port'}-${row}`;
  const addId = `${fieldId}__add-port`;
  const set = (row: PortRow, key: string, value: unknown) => {
    const next = { ...row.port, [key]: value };
    if (value === undefined) delete next[key];
    onPort(row.id, next);
  };
  return (
    <fieldset className="widget-map" id={fieldId}>
      <legend>{title}</legend>
      {rows.length === 0 ? (
        <p className="muted">
          No ports: the workload is not reachable over the network.
        </p>
      ) : (
        <table className="table widget-ports">
          <thead>
            <tr>
              {named && <th scope="col">Name</th>}
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
              const label = (named && row.name.trim()) || `port ${i + 1}`;
              const errors = [
                ...(named && duplicates.has(row.name.trim())
                  ? [`"${row.name.trim()}" is used twice.`]
                  : []),
                ...row.errors,
              ];
              const errorNode = errors.length > 0 && (
                <span className="field__error" role="status">
                  {errors.join(' ')}
                </span>
              );
              return (
                <tr key={row.id}>
                  {named && (
                    <td>
                      <input
                        id={`${fieldId}__name-${row.id}`}
                        className="input mono"
                        aria-label={`Name of port ${i + 1}`}
                        value={row.name}
                        disabled={locked}
                        onChange={(e) => onName(row.id, e.target.value)}
                      />
                      {errorNode}
                    </td>
                  )}
                  <td>
                    <input
                      id={`${fieldId}__port-${row.id}`}
                      className="input mono"
                      inputMode="numeric"
                      aria-label={`Port of ${label}`}
                      value={String(row.port.port ?? '')}
                      disabled={locked}
                      onChange={(e) => set(row, 'port', num(e.target.value))}
                    />
                    {!named && errorNode}
                  </td>
                  {target && (
                    <td>
                      <input
                        className="input mono"
                        inputMode="numeric"
                        aria-label={`Target port of ${label}`}
                        value={String(row.port[target] ?? '')}
                        disabled={locked}
                        onChange={(e) => set(row, target, num(e.target.value))}
                      />
                    </td>
                  )}
                  <td>
                    <select
                      className="select"
                      aria-label={`Protocol of ${label}`}
                      value={String(row.port.protocol ?? '')}
                      disabled={locked}
                      onChange={(e) =>
                        set(row, 'protocol', e.target.value || undefined)
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
                      onClick={() => {
                        const next = rows[i + 1] ?? rows[i - 1];
                        onRemove(row.id);
                        focusAfterRender(next ? firstFieldId(next.id) : addId);
                      }}
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
        id={addId}
        type="button"
        className="button button--small"
        disabled={locked}
        onClick={() => focusAfterRender(firstFieldId(onAdd()))}
      >
        Add port
      </button>
    </fieldset>
  );
}

/** Ports as a map by name (humanitec/service, Score): `{ http: { port: 80 } }`. */
function PortMap(props: FieldProps) {
  const { schema, name, formData, onChange, fieldPathId, errorSchema } = props;
  const { target, protocols } = portKeys(schema, false);
  const { rows, duplicates, add, change, remove } = useRows<Port>(
    formData as Record<string, Port> | undefined,
    (next) => onChange(next, fieldPathId.path),
  );
  return (
    <PortsTable
      title={schema.title ?? name}
      fieldId={fieldPathId.$id}
      named
      target={target}
      protocols={protocols}
      locked={!!(props.disabled || props.readonly)}
      duplicates={duplicates}
      rows={rows.map((row) => ({
        id: row.id,
        name: row.key,
        port: row.value,
        errors: collect(errorSchema?.[row.key.trim()]),
      }))}
      onName={(id, key) => change(id, { key })}
      onPort={(id, value) => change(id, { value })}
      onRemove={remove}
      onAdd={() => add({})}
    />
  );
}

/** Ports as a list of port objects: `[{ name: "http", port: 80 }]` (the name is a property when the items have one). */
function PortList(props: FieldProps) {
  const { schema, name, formData, onChange, fieldPathId, errorSchema } = props;
  const { target, protocols, named } = portKeys(schema, true);
  const { rows, add, change, remove } = useListRows<Port>(
    Array.isArray(formData) ? (formData as Port[]) : undefined,
    (next) => onChange(next, fieldPathId.path),
  );
  const nameOf = (port: Port) =>
    typeof port.name === 'string' ? port.name : '';
  const names = rows.map((r) => nameOf(r.value).trim()).filter(Boolean);
  const duplicates = new Set(names.filter((n, i) => names.indexOf(n) !== i));
  const value = (id: number) => rows.find((r) => r.id === id)?.value ?? {};
  return (
    <PortsTable
      title={schema.title ?? name}
      fieldId={fieldPathId.$id}
      named={named}
      target={target}
      protocols={protocols}
      locked={!!(props.disabled || props.readonly)}
      duplicates={duplicates}
      rows={rows.map((row, i) => {
        const { name: _name, ...port } = row.value;
        return {
          id: row.id,
          name: nameOf(row.value),
          port: named ? port : row.value,
          errors: collect(errorSchema?.[i]),
        };
      })}
      onName={(id, text) => {
        const { name: _name, ...rest } = value(id);
        change(id, text === '' ? rest : { name: text, ...rest });
      }}
      onPort={(id, port) => {
        const current = value(id);
        change(
          id,
          named && typeof current.name === 'string'
            ? { name: current.name, ...port }
            : port,
        );
      }}
      onRemove={remove}
      onAdd={() => add({})}
    />
  );
}

/** A table of ports: port, target port and protocol, for a map of ports by name or a list of port objects. */
export function PortListField(props: FieldProps) {
  return isList(props.schema, props.formData) ? (
    <PortList {...props} />
  ) : (
    <PortMap {...props} />
  );
}
