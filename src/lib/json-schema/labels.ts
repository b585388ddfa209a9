/**
 * Labels a person would write for the fields of a generated form, and the
 * form's messages with the field's label in front ("CPU must be 0 or more"):
 * the schema's `title` when it has one, else its property name in words
 * (`initial_delay_seconds` → "Initial delay (s)", `apiVersion` → "API version").
 */
import { isObject, resolveRef, type SchemaObject } from './pointer';

/** Words written in capitals. */
const ACRONYMS = new Set([
  'api',
  'cpu',
  'gpu',
  'dns',
  'http',
  'https',
  'tcp',
  'udp',
  'ip',
  'id',
  'ids',
  'url',
  'urls',
  'uri',
  'tls',
  'ssl',
  'ssh',
  'json',
  'yaml',
  'xml',
  'html',
  'css',
  'sql',
  'db',
  'ttl',
  'uid',
  'gid',
  'os',
  'aws',
  'gcp',
  'iam',
  'k8s',
  'cidr',
  'fqdn',
  'sha',
  'jwt',
  'oidc',
  'sso',
  'env',
  'vpc',
  'acl',
  'ui',
  'io',
  'mtu',
  'ram',
]);
/** Words spelled differently than their lowercase. */
const SPELLINGS: Record<string, string> = {
  ids: 'IDs',
  urls: 'URLs',
  k8s: 'K8s',
  env: 'env',
};
/** A trailing unit word becomes a unit in brackets. */
const UNITS: Record<string, string> = {
  seconds: 's',
  secs: 's',
  sec: 's',
  ms: 'ms',
  millis: 'ms',
  milliseconds: 'ms',
  minutes: 'min',
  mins: 'min',
  hours: 'h',
  days: 'days',
  bytes: 'bytes',
  percent: '%',
  pct: '%',
};

const wordOf = (word: string) =>
  SPELLINGS[word] ?? (ACRONYMS.has(word) ? word.toUpperCase() : word);

/** A property name in words: `initial_delay_seconds` → "Initial delay (s)", `containerPort` → "Container port". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return key;
  let unit: string | undefined;
  if (words.length > 1 && UNITS[words[words.length - 1]])
    unit = UNITS[words.pop()!];
  const text = words.map(wordOf).join(' ');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return unit ? `${sentence} (${unit})` : sentence;
}

/**
 * The label of a field: the uiSchema's `ui:title`, else the schema's `title`,
 * else its property name in words. Array indexes and empty names give ''.
 */
export function fieldLabel(
  schema: unknown,
  uiSchema: unknown,
  key: string | number | undefined,
): string {
  const ui =
    uiSchema && typeof uiSchema === 'object'
      ? (uiSchema as Record<string, unknown>)
      : {};
  const options =
    ui['ui:options'] && typeof ui['ui:options'] === 'object'
      ? (ui['ui:options'] as Record<string, unknown>)
      : {};
  for (const title of [
    ui['ui:title'],
    options.title,
    schema && typeof schema === 'object'
      ? (schema as Record<string, unknown>).title
      : undefined,
  ]) {
    if (typeof title === 'string' && title.trim()) return title.trim();
  }
  return typeof key === 'string' && key && !/^\d+$/.test(key)
    ? humanizeKey(key)
    : '';
}

/** Generic messages start with one of these (describeError in messages.ts); a declared message is a sentence of its own. */
const GENERIC = /^(must|is|has|should|cannot|may) /;

/**
 * A field's message as the form shows it: a generic one with the field's
 * label in front ("must be 0 or more" → "CPU must be 0 or more"); a message
 * the schema declares (`x-console-errors`) as it is.
 */
export function labelledMessage(label: string, message: string): string {
  const text = message.trim();
  if (!GENERIC.test(text)) return text;
  if (!label) return text.charAt(0).toUpperCase() + text.slice(1);
  return `${label} ${text}`;
}

/** One of a plural noun: "Containers" → "Container", "Entries" → "Entry", "Addresses" → "Address". */
export function singular(noun: string): string {
  if (/ies$/i.test(noun)) return noun.replace(/ies$/i, 'y');
  if (/(ss|x|ch|sh)es$/i.test(noun)) return noun.replace(/es$/i, '');
  if (/[^su]s$/i.test(noun)) return noun.slice(0, -1);
  return noun;
}

type Ui = Record<string, unknown>;
const uiOf = (value: unknown): Ui =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Ui)
    : {};

/**
 * The uiSchema with a `ui:title` for every property that has no title of its
 * own (its name in words), so every label, legend and checkbox reads as a
 * person would write it; and, for the entries of a map (additionalProperties)
 * and the items of a list, what one entry is called (`ui:options.entryLabel`,
 * "Container" in "Containers"). Titles the schema or uiSchema sets are kept.
 */
export function withFieldTitles(
  schema: unknown,
  uiSchema: unknown,
  root: unknown = schema,
  depth = 0,
): Ui {
  const ui: Ui = { ...uiOf(uiSchema) };
  if (!isObject(schema) || depth > 12) return ui;
  const node = resolved(schema, root);
  const properties: [string, unknown][] = [];
  const collect = (owner: unknown) => {
    if (isObject(owner) && isObject(owner.properties))
      properties.push(...Object.entries(owner.properties));
  };
  collect(node);
  for (const keyword of ['then', 'else']) collect(node[keyword]);
  if (Array.isArray(node.allOf)) node.allOf.forEach(collect);
  for (const keyword of ['dependencies', 'dependentSchemas']) {
    if (isObject(node[keyword])) Object.values(node[keyword]).forEach(collect);
  }
  for (const [name, child] of properties) {
    if (name.startsWith('ui:') || !isObject(child)) continue;
    const childUi = withFieldTitles(child, ui[name], root, depth + 1);
    const title = resolved(child, root).title;
    if (!(typeof title === 'string' && title.trim()) && !childUi['ui:title'])
      childUi['ui:title'] = humanizeKey(name);
    ui[name] = childUi;
  }
  if (isObject(node.items)) {
    const itemUi = withFieldTitles(node.items, ui.items, root, depth + 1);
    // What one item is called, for items without a name of their own ("Sidecar 2").
    const own = fieldLabel(node, uiSchema, undefined);
    if (own)
      itemUi['ui:options'] = {
        entryLabel: singular(own),
        ...uiOf(itemUi['ui:options']),
      };
    ui.items = itemUi;
  }
  if (isObject(node.additionalProperties)) {
    const entryUi = withFieldTitles(
      node.additionalProperties,
      ui.additionalProperties,
      root,
      depth + 1,
    );
    const own = fieldLabel(node, uiSchema, undefined);
    if (own)
      entryUi['ui:options'] = {
        entryLabel: singular(own),
        ...uiOf(entryUi['ui:options']),
      };
    ui.additionalProperties = entryUi;
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = node[keyword];
    if (!Array.isArray(options)) continue;
    const current = Array.isArray(ui[keyword])
      ? (ui[keyword] as unknown[])
      : [];
    ui[keyword] = options.map((option, i) =>
      withFieldTitles(option, current[i], root, depth + 1),
    );
  }
  return ui;
}

/**
 * The `title` the schema gives the field at `tokens` (property names, map keys and list indexes below the schema's
 * root), or undefined when it gives none (a map's or a list's entries are titled by their `additionalProperties` or
 * `items`). For a diff that names the fields as the form does.
 */
export function schemaTitleAt(
  schema: unknown,
  tokens: readonly string[],
): string | undefined {
  let node: unknown = schema;
  for (const token of tokens) {
    if (!isObject(node)) return undefined;
    node = childSchema(resolved(node, schema), token, schema);
    if (node === undefined) return undefined;
  }
  if (!isObject(node)) return undefined;
  const title = resolved(node, schema).title;
  return typeof title === 'string' && title.trim() ? title.trim() : undefined;
}

/** Keywords whose subschemas add properties to their object where the form shows them (conditions, compositions). */
const BRANCHES = ['allOf', 'anyOf', 'oneOf'] as const;

/**
 * The schema of property `token` as `here` or one of its branches
 * (`allOf`/`anyOf`/`oneOf`, `then`/`else`, `dependencies`) declares it, else
 * undefined: a key no schema of its object names is a map entry (the user's
 * own, such as a container), not a field the form draws.
 */
export function declaredPropertySchema(
  here: SchemaObject,
  token: string,
  root: unknown,
): unknown {
  return declaredIn(resolved(here, root), token, root, 0);
}

function declaredIn(
  here: SchemaObject,
  token: string,
  root: unknown,
  depth: number,
): unknown {
  const properties = isObject(here.properties) ? here.properties : {};
  if (Object.hasOwn(properties, token)) return properties[token];
  if (depth > 16) return undefined;
  const branches: unknown[] = [here.then, here.else];
  for (const keyword of BRANCHES)
    if (Array.isArray(here[keyword])) branches.push(...here[keyword]);
  if (isObject(here.dependencies))
    branches.push(...Object.values(here.dependencies));
  for (const branch of branches) {
    if (!isObject(branch)) continue;
    const found = declaredIn(resolved(branch, root), token, root, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The schema of `token` below `here`: a property it or a branch declares
 * ({@link declaredIn}), else a `patternProperties` entry the key matches, its
 * `additionalProperties`, or (an index) its `items`.
 */
function childSchema(
  here: SchemaObject,
  token: string,
  root: unknown,
): unknown {
  const declared = declaredIn(here, token, root, 0);
  if (declared !== undefined) return declared;
  if (isObject(here.patternProperties)) {
    for (const [pattern, sub] of Object.entries(here.patternProperties)) {
      try {
        if (new RegExp(pattern, 'u').test(token)) return sub;
      } catch {
        // An invalid pattern matches nothing.
      }
    }
  }
  if (isObject(here.additionalProperties)) return here.additionalProperties;
  if (isObject(here.items) && /^\d+$/.test(token)) return here.items;
  return undefined;
}

/** A schema with its `$ref` followed (one level; the schema's own keywords win). */
function resolved(schema: SchemaObject, root: unknown): SchemaObject {
  if (typeof schema.$ref !== 'string') return schema;
  const target = resolveRef(schema.$ref, root as SchemaObject);
  return isObject(target) ? { ...target, ...schema } : schema;
}
