import { fieldLabel } from '@/lib/json-schema/labels';
import { isObject, type SchemaObject } from '@/lib/json-schema/pointer';
import { isValidJson, type JsonSchema } from '@/lib/json-schema/validate';

/** A field of a generated form, as the field search finds it. */
export interface FieldEntry {
  /** The id RJSF gives the field's input: the prefix and the path joined by `_`. */
  id: string;
  /** The label the form shows. */
  label: string;
  /** Labels of the sections and entries holding it, outermost first. */
  trail: string[];
  /** The property path, dot-separated (`containers.api.image`). */
  path: string;
}

export interface FieldIndexSource {
  schema: unknown;
  /** The compiled uiSchema (titles, order, hidden, visible-if, groups). */
  uiSchema: unknown;
  formData: unknown;
  idPrefix: string;
  /** Resolves `$ref` and conditionals for the data as the form does (RJSF's retrieveSchema). */
  retrieve?: (schema: SchemaObject, data: unknown) => SchemaObject;
}

type Ui = Record<string, unknown>;
const uiOf = (ui: unknown): Ui => (isObject(ui) ? ui : {});
const optionsOf = (ui: Ui): Ui => uiOf(ui['ui:options']);

/** Property names in the form's order: `ui:order` first (`*` stands for the rest), then as declared. */
function ordered(names: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return names;
  const listed = order.filter(
    (n): n is string => typeof n === 'string' && names.includes(n),
  );
  const rest = names.filter((n) => !listed.includes(n));
  const star = order.indexOf('*');
  if (star < 0) return [...listed, ...rest];
  const before = order
    .slice(0, star)
    .filter((n): n is string => listed.includes(n));
  return [...before, ...rest, ...listed.filter((n) => !before.includes(n))];
}

/**
 * Every field the form shows for this data, in the form's order: properties
 * (not those `x-console-hidden` or an unmet `x-console-visible-if` hides), the
 * entries of maps and the items of arrays that the data holds, and what they
 * contain. A custom field (key-value, ports) is one field.
 */
export function fieldIndex(source: FieldIndexSource): FieldEntry[] {
  const { idPrefix, retrieve = (s) => s } = source;
  const root = source.schema as JsonSchema;
  const out: FieldEntry[] = [];
  const add = (
    path: string[],
    label: string,
    trail: string[],
    schema: unknown,
    ui: Ui,
    data: unknown,
  ) => {
    out.push({
      id: [idPrefix, ...path].join('_'),
      label,
      trail,
      path: path.join('.'),
    });
    walk(schema, ui, data, path, [...trail, label]);
  };
  const walk = (
    schema: unknown,
    ui: Ui,
    data: unknown,
    path: string[],
    trail: string[],
  ) => {
    if (!isObject(schema) || path.length > 12 || ui['ui:field']) return;
    const node = retrieve(schema, data);
    const properties = isObject(node.properties) ? node.properties : {};
    const values = isObject(data) ? data : {};
    for (const name of ordered(Object.keys(properties), ui['ui:order'])) {
      const childUi = uiOf(ui[name]);
      const options = optionsOf(childUi);
      if (options.hidden || childUi['ui:widget'] === 'hidden') continue;
      if (
        options.visibleIf !== undefined &&
        !isValidJson(options.visibleIf as JsonSchema, data ?? {}, root)
      )
        continue;
      const child = properties[name];
      add(
        [...path, name],
        fieldLabel(child, childUi, name),
        trail,
        child,
        childUi,
        values[name],
      );
    }
    if (isObject(node.additionalProperties) && isObject(data))
      for (const key of Object.keys(data)) {
        if (Object.hasOwn(properties, key)) continue;
        add(
          [...path, key],
          key,
          trail,
          node.additionalProperties,
          uiOf(ui.additionalProperties),
          data[key],
        );
      }
    if (isObject(node.items) && Array.isArray(data))
      data.forEach((item, i) =>
        walk(
          node.items,
          uiOf(ui.items),
          item,
          [...path, String(i)],
          [...trail, String(i + 1)],
        ),
      );
  };
  walk(root, uiOf(source.uiSchema), source.formData, [], []);
  return out;
}

/**
 * The fields whose label, sections or path hold every word of the query, best
 * first: the label equal to the query, then starting with it, then holding
 * it, then the path; in the form's order otherwise.
 */
export function searchFields(
  entries: FieldEntry[],
  query: string,
): FieldEntry[] {
  const q = query.trim().toLowerCase().replace(/\//g, '.');
  if (!q) return [];
  const words = q.split(/\s+/);
  const rank = (entry: FieldEntry) => {
    const label = entry.label.toLowerCase();
    if (label === q) return 0;
    if (label.startsWith(q)) return 1;
    if (label.includes(q)) return 2;
    if (entry.path.toLowerCase().includes(q)) return 3;
    return 4;
  };
  return entries
    .map((entry, order) => ({ entry, order, rank: rank(entry) }))
    .filter(({ entry }) => {
      const text =
        `${entry.label} ${entry.trail.join(' ')} ${entry.path}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ entry }) => entry);
}
