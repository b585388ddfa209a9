/**
 * The console's schema annotations: keywords in our own `x-console-*`
 * namespace that platform teams write into a workload profile's JSON Schema
 * to shape the generated form. `compileAnnotations` turns an annotated
 * schema into an RJSF uiSchema and reports every annotation it does not
 * understand (unknown names, wrong values, widgets that do not fit the type)
 * with the JSON pointer of the problem, so editors can pin it to a line.
 * Pure: no React, no RJSF import (the uiSchema is plain JSON).
 */
import {
  escapeSegment,
  resolveRef,
  type SchemaObject,
} from './json-schema/validate';
import { uniqueByProperties } from './json-schema/keywords';
import { isObject, parsePointer } from './json-schema/pointer';
import {
  COMPARE_AS,
  COMPARE_OPS,
  RULE_KEYS,
  RULE_KINDS,
  ruleFieldSchema,
  type RuleKind,
} from './json-schema/rules';
import { OUTPUT_PATTERN } from './json-schema/resource-refs';

/** A problem with an annotation (or a foreign UI keyword) in a schema. */
export interface AnnotationProblem {
  /** JSON pointer into the schema document. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** An RJSF uiSchema, as plain JSON. */
export type UiSchema = { [key: string]: unknown };

/** What the compiler produced. */
export interface CompiledForm {
  uiSchema: UiSchema;
  problems: AnnotationProblem[];
}

/** The widgets `x-console-widget` accepts, with the JSON types each fits. */
export const WIDGETS: Record<
  string,
  { types: string[]; description: string; field?: boolean }
> = {
  text: {
    types: ['string', 'number', 'integer'],
    description: 'A one-line text input.',
  },
  textarea: { types: ['string'], description: 'A multi-line text input.' },
  select: {
    types: ['string', 'number', 'integer', 'boolean'],
    description: 'A drop-down of the enum values.',
  },
  radio: {
    types: ['string', 'number', 'integer', 'boolean'],
    description: 'Radio buttons of the enum values.',
  },
  checkbox: { types: ['boolean'], description: 'A checkbox.' },
  updown: {
    types: ['number', 'integer'],
    description: 'A number input with steppers.',
  },
  range: {
    types: ['number', 'integer'],
    description:
      "A slider from the field's `minimum` to its `maximum` (both required) in steps of `multipleOf` (else 1, or 0.01 for a number), with the value shown; arrow keys move it.",
  },
  image: {
    types: ['string'],
    description:
      'A container image reference: repository and tag, e.g. registry.acme.dev/shop/api:1.4.2.',
  },
  cpu: {
    types: ['string', 'number'],
    description: 'A CPU quantity with its unit: cores or millicores (250m).',
  },
  memory: {
    types: ['string'],
    description: 'A memory quantity with its unit: Mi, Gi, M, G (512Mi).',
  },
  'key-value': {
    types: ['object'],
    description: 'An editor of names and values, e.g. environment variables.',
    field: true,
  },
  ports: {
    types: ['object', 'array'],
    description:
      'A table of ports: name, port, target port and protocol; a map of ports by name, or a list of port objects (with a `name` property when the items have one).',
    field: true,
  },
  secret: {
    types: ['string'],
    description:
      'A masked, write-only value: the engine stores it apart from the workload, which keeps a reference (${secrets.…}); the stored value is never shown or returned.',
  },
  'resource-ref': {
    types: ['string'],
    description:
      "A picker of the application's shared resources, the workload's private resources and resource types, filtered by x-console-resource-type and -class; writes shared.<name>, or ${shared.<name>.<output>} with x-console-resource-output. The engine refuses a reference the environment cannot resolve (WL-RES-001).",
  },
  cron: {
    types: ['string'],
    description: 'A cron expression (5 fields) with a human-readable preview.',
  },
};

/** Every annotation: what it takes and what it does. README.md has the same table. */
export const ANNOTATIONS: Record<
  string,
  { value: string; description: string }
> = {
  'x-console-widget': {
    value: Object.keys(WIDGETS).join(' | '),
    description: 'The input used for the field.',
  },
  'x-console-order': {
    value: 'number',
    description:
      'Position among its siblings, smallest first; fields without it follow in declaration order. Also orders fields that if/then/else, oneOf or dependencies add.',
  },
  'x-console-group': {
    value: 'string',
    description:
      'Fields of an object with the same group are shown together under that heading.',
  },
  'x-console-help': {
    value: 'string',
    description: 'Help text under the field.',
  },
  'x-console-placeholder': {
    value: 'string',
    description: 'Placeholder of the input.',
  },
  'x-console-hidden': {
    value: 'boolean',
    description:
      'Not shown; the form never changes the stored value (unlike a field hidden by a condition, whose value is not submitted).',
  },
  'x-console-readonly': {
    value: 'boolean',
    description: 'Shown but not editable.',
  },
  'x-console-enum-labels': {
    value: 'object (value → label) or list',
    description: 'Labels of the enum values, in place of the raw values.',
  },
  'x-console-errors': {
    value: 'object (keyword → message) or string',
    description:
      'Messages shown instead of the generic ones, per failing keyword (required, pattern, minimum, …) or one for all; used by the form and by the engine.',
  },
  'x-console-visible-if': {
    value: 'JSON Schema',
    description:
      'Shown only while the object holding the field matches this schema, e.g. {"properties": {"type": {"const": "http"}}}. When hidden its value is not submitted.',
  },
  'x-console-resource-type': {
    value: 'resource type or list of types, e.g. postgres',
    description:
      'With x-console-widget: resource-ref: the picker offers only resources of these types, and the engine refuses a reference to another type.',
  },
  'x-console-resource-class': {
    value: 'resource class, e.g. ha',
    description:
      'With x-console-widget: resource-ref: only resources of this class (a resource without a class is of class "default").',
  },
  'x-console-resource-output': {
    value: 'output name, e.g. host',
    description:
      'With x-console-widget: resource-ref: the field holds the placeholder of this output of the chosen resource, e.g. ${shared.db.host}, ${externals.cache.url} or ${resources.db.host} (Score), resolved at deploy time.',
  },
  'x-console-item-title': {
    value: 'property name, e.g. name',
    description:
      'On a list of objects: each item is titled by the value of this property (by default its name, id or title), else "Sidecar 2".',
  },
  'x-console-unique-by': {
    value: 'property name or list of names, e.g. name',
    description:
      'On a list of objects: no two items may have the same value of this property (or combination); the form and the engine refuse duplicates with the same message. `uniqueItems: true` compares whole items.',
  },
  'x-console-rules': {
    value:
      'list of rules: {rule: compare, field, op, than, as?} or {rule: exactly-one | at-most-one | at-least-one, fields}, each with an optional message',
    description:
      'On an object: rules across its fields, named by JSON pointers relative to it (/limits/cpu), e.g. a limit at least its request (as cpu, memory or number) or exactly one of two fields set. The form and the engine check them with the same code; the message shows at the field.',
  },
  'x-console-feature': {
    value: 'feature id, e.g. humanitec/containers',
    description:
      'Top-level properties only (profile designer): use a built-in feature schema; publishing stores it as a feature property of the profile.',
  },
};

const typesOf = (schema: SchemaObject): string[] =>
  (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t): t is string => typeof t === 'string',
  );

/** Compiles an annotated JSON Schema into an RJSF uiSchema and the problems of its annotations. */
export function compileAnnotations(schema: unknown): CompiledForm {
  const problems: AnnotationProblem[] = [];
  if (!isObject(schema)) return { uiSchema: {}, problems };
  const compiler = new Compiler(schema, problems);
  const uiSchema = compiler.node(schema, '', 0);
  // Definitions are compiled where they are used; their problems are reported once, here.
  for (const keyword of ['$defs', 'definitions']) {
    const defs = schema[keyword];
    if (!isObject(defs)) continue;
    for (const [name, def] of Object.entries(defs)) {
      if (isObject(def))
        compiler.node(def, `/${keyword}/${escapeSegment(name)}`, 2);
    }
  }
  return { uiSchema, problems };
}

class Compiler {
  private readonly refStack: string[] = [];

  constructor(
    private readonly root: SchemaObject,
    private readonly problems: AnnotationProblem[],
  ) {}

  node(schema: SchemaObject, path: string, depth: number): UiSchema {
    const ui: UiSchema = {};
    this.annotations(schema, path, ui, depth);
    this.structure(schema, path, ui, depth);
    return ui;
  }

  private report(
    path: string,
    message: string,
    severity: AnnotationProblem['severity'] = 'error',
  ) {
    this.problems.push({ path, message, severity });
  }

  private annotations(
    schema: SchemaObject,
    path: string,
    ui: UiSchema,
    depth: number,
  ) {
    const options: UiSchema = {};
    for (const [key, value] of Object.entries(schema)) {
      const at = `${path}/${escapeSegment(key)}`;
      if (!key.startsWith('x-')) continue;
      if (!key.startsWith('x-console-')) {
        this.report(
          at,
          `\`${key}\` is not a console annotation and is ignored (annotations start with x-console-).`,
          'warning',
        );
        continue;
      }
      if (!Object.hasOwn(ANNOTATIONS, key)) {
        const hint = closest(key, Object.keys(ANNOTATIONS));
        this.report(
          at,
          `Unknown annotation \`${key}\`${hint ? `: did you mean \`${hint}\`?` : '.'} Known: ${Object.keys(ANNOTATIONS).join(', ')}.`,
        );
        continue;
      }
      this.annotation(key, value, schema, at, ui, options, depth);
    }
    if (Object.keys(options).length > 0)
      ui['ui:options'] = {
        ...(ui['ui:options'] as UiSchema | undefined),
        ...options,
      };
  }

  private annotation(
    key: string,
    value: unknown,
    schema: SchemaObject,
    at: string,
    ui: UiSchema,
    options: UiSchema,
    depth: number,
  ) {
    const expect = (ok: boolean, what: string) => {
      if (!ok)
        this.report(
          at,
          `\`${key}\` must be ${what}; got ${JSON.stringify(value)}.`,
        );
      return ok;
    };
    switch (key) {
      case 'x-console-widget': {
        if (!expect(typeof value === 'string', 'a widget name')) return;
        const widget = WIDGETS[value as string];
        if (!widget) {
          const hint = closest(value as string, Object.keys(WIDGETS));
          this.report(
            at,
            `Unknown widget "${value}"${hint ? ` (did you mean "${hint}"?)` : ''}. Known: ${Object.keys(WIDGETS).join(', ')}.`,
          );
          return;
        }
        const types = typesOf(schema);
        if (
          types.length > 0 &&
          !types.some((t) =>
            widget.types.includes(
              t === 'integer' && widget.types.includes('number') ? 'number' : t,
            ),
          )
        ) {
          this.report(
            at,
            `The widget "${value}" fits ${widget.types.join(' or ')} values, but this field is ${types.join(' or ')}.`,
          );
          return;
        }
        if (
          value === 'range' &&
          !(
            typeof schema.minimum === 'number' &&
            typeof schema.maximum === 'number'
          )
        ) {
          this.report(
            at,
            'The widget "range" needs a `minimum` and a `maximum` on the field: they are the ends of the slider.',
          );
          return;
        }
        ui[widget.field ? 'ui:field' : 'ui:widget'] = value;
        return;
      }
      case 'x-console-resource-type':
      case 'x-console-resource-class':
      case 'x-console-resource-output': {
        if (schema['x-console-widget'] !== 'resource-ref') {
          this.report(
            at,
            `\`${key}\` only applies to a field with \`"x-console-widget": "resource-ref"\`.`,
          );
          return;
        }
        const name = /^[a-z0-9][a-z0-9-]*$/;
        if (key === 'x-console-resource-type')
          expect(
            (typeof value === 'string' && name.test(value)) ||
              (Array.isArray(value) &&
                value.length > 0 &&
                value.every((v) => typeof v === 'string' && name.test(v))),
            'a resource type such as postgres, or a non-empty list of them',
          );
        else if (key === 'x-console-resource-class')
          expect(
            typeof value === 'string' && name.test(value),
            'a resource class such as default or ha',
          );
        else
          expect(
            typeof value === 'string' && OUTPUT_PATTERN.test(value),
            'an output name such as host or url',
          );
        return;
      }
      case 'x-console-item-title':
      case 'x-console-unique-by': {
        const rawItems = schema.items;
        const itemSchema =
          isObject(rawItems) && typeof rawItems.$ref === 'string'
            ? resolveRef(rawItems.$ref, this.root)
            : rawItems;
        if (!typesOf(schema).includes('array') && !isObject(schema.items)) {
          this.report(at, `\`${key}\` only applies to a list (an array).`);
          return;
        }
        const names =
          key === 'x-console-item-title'
            ? typeof value === 'string' && value
              ? [value]
              : undefined
            : uniqueByProperties(value);
        if (
          !expect(
            names !== undefined,
            key === 'x-console-item-title'
              ? 'the name of a property of the items'
              : 'the name of a property of the items, or a list of names',
          )
        )
          return;
        const properties =
          isObject(itemSchema) && isObject(itemSchema.properties)
            ? itemSchema.properties
            : undefined;
        for (const property of names ?? [])
          if (properties && !Object.hasOwn(properties, property))
            this.report(
              at,
              `The items have no property "${property}"${
                closest(property, Object.keys(properties))
                  ? ` (did you mean "${closest(property, Object.keys(properties))}"?)`
                  : ''
              }.`,
              'warning',
            );
        if (key === 'x-console-item-title') options.itemTitle = value;
        return;
      }
      case 'x-console-order':
        expect(typeof value === 'number' && Number.isFinite(value), 'a number');
        return;
      case 'x-console-group':
        if (
          expect(
            typeof value === 'string' && value.trim() !== '',
            'a non-empty string',
          )
        )
          options.group = value;
        return;
      case 'x-console-help':
        if (expect(typeof value === 'string', 'a string'))
          ui['ui:help'] = value;
        return;
      case 'x-console-placeholder':
        if (expect(typeof value === 'string', 'a string'))
          ui['ui:placeholder'] = value;
        return;
      case 'x-console-hidden':
        if (expect(typeof value === 'boolean', 'true or false') && value)
          options.hidden = true;
        return;
      case 'x-console-readonly':
        if (expect(typeof value === 'boolean', 'true or false') && value)
          ui['ui:readonly'] = true;
        return;
      case 'x-console-enum-labels':
        this.enumLabels(value, schema, at, ui);
        return;
      case 'x-console-errors':
        if (
          expect(
            typeof value === 'string' ||
              (isObject(value) &&
                Object.values(value).every((m) => typeof m === 'string')),
            'a message or an object of messages by keyword',
          ) &&
          isObject(value)
        )
          for (const keyword of Object.keys(value)) {
            if (ERROR_KEYWORDS.includes(keyword)) continue;
            const hint = closest(keyword, ERROR_KEYWORDS);
            this.report(
              `${at}/${escapeSegment(keyword)}`,
              `\`${keyword}\` is not a validation keyword, so this message is never shown${hint ? `: did you mean \`${hint}\`?` : '.'} Messages are keyed by the keyword that fails, e.g. pattern, minimum, required.`,
            );
          }
        return;
      case 'x-console-visible-if':
        if (
          expect(
            typeof value === 'boolean' || isObject(value),
            'a JSON Schema matched against the object holding the field',
          )
        )
          options.visibleIf = value;
        return;
      case 'x-console-rules':
        this.rules(value, schema, at);
        return;
      case 'x-console-feature':
        if (depth !== 1)
          this.report(
            at,
            '`x-console-feature` only works on a top-level property of a profile schema.',
          );
        else
          expect(
            typeof value === 'string' && /^[\w.-]+\/[\w.-]+$/.test(value),
            'a feature id such as humanitec/containers',
          );
    }
  }

  /** `x-console-rules`: a list of well-formed rules whose fields the object declares. */
  private rules(value: unknown, schema: SchemaObject, at: string) {
    if (!typesOf(schema).includes('object') && !isObject(schema.properties)) {
      this.report(at, '`x-console-rules` only applies to an object.');
      return;
    }
    if (!Array.isArray(value) || value.length === 0) {
      this.report(
        at,
        `\`x-console-rules\` must be a non-empty list of rules; got ${JSON.stringify(value)}.`,
      );
      return;
    }
    const kinds = Object.keys(RULE_KINDS);
    value.forEach((rule: unknown, i) => {
      const ruleAt = `${at}/${i}`;
      if (!isObject(rule)) {
        this.report(
          ruleAt,
          'A rule must be an object such as {"rule": "exactly-one", "fields": ["/image", "/script"]}.',
        );
        return;
      }
      for (const key of Object.keys(rule)) {
        if (RULE_KEYS.includes(key)) continue;
        const hint = closest(key, RULE_KEYS);
        this.report(
          `${ruleAt}/${escapeSegment(key)}`,
          `Unknown key \`${key}\` in a rule${hint ? `: did you mean \`${hint}\`?` : '.'} Known: ${RULE_KEYS.join(', ')}.`,
        );
      }
      const kind = rule.rule;
      if (typeof kind !== 'string' || !Object.hasOwn(RULE_KINDS, kind)) {
        const hint =
          typeof kind === 'string' ? closest(kind, kinds) : undefined;
        this.report(
          `${ruleAt}${kind === undefined ? '' : '/rule'}`,
          `${kind === undefined ? 'A rule needs `rule`' : `Unknown rule ${JSON.stringify(kind)}`}${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${kinds.join(', ')}.`,
        );
        return;
      }
      const needs: readonly string[] = RULE_KINDS[kind as RuleKind];
      for (const key of needs)
        if (rule[key] === undefined)
          this.report(ruleAt, `The "${kind}" rule needs \`${key}\`.`);
      const applies =
        kind === 'compare' ? ['field', 'op', 'than', 'as'] : ['fields'];
      for (const key of ['field', 'op', 'than', 'as', 'fields'])
        if (rule[key] !== undefined && !applies.includes(key))
          this.report(
            `${ruleAt}/${key}`,
            `\`${key}\` does not apply to a "${kind}" rule (it takes ${[...applies, 'message'].join(', ')}).`,
          );
      if (rule.message !== undefined && typeof rule.message !== 'string')
        this.report(
          `${ruleAt}/message`,
          "A rule's `message` must be a string.",
        );
      if (rule.op !== undefined && !COMPARE_OPS.includes(rule.op as never))
        this.report(
          `${ruleAt}/op`,
          `\`op\` must be one of ${COMPARE_OPS.join(' ')}; got ${JSON.stringify(rule.op)}.`,
        );
      if (rule.as !== undefined && !COMPARE_AS.includes(rule.as as never))
        this.report(
          `${ruleAt}/as`,
          `\`as\` must be one of ${COMPARE_AS.join(', ')}; got ${JSON.stringify(rule.as)}.`,
        );
      const pointer = (p: unknown, where: string) => {
        if (
          typeof p !== 'string' ||
          !p.startsWith('/') ||
          parsePointer(p) === undefined
        ) {
          this.report(
            where,
            `A rule names a field by a JSON pointer relative to this object, such as "/limits/cpu"; got ${JSON.stringify(p)}.`,
          );
        } else if (!ruleFieldSchema(schema, p)) {
          this.report(
            where,
            `"${p}" is not a property declared under this object's \`properties\`, so the rule may never see a value.`,
            'warning',
          );
        }
      };
      if (kind === 'compare') {
        if (rule.field !== undefined) pointer(rule.field, `${ruleAt}/field`);
        if (rule.than !== undefined) pointer(rule.than, `${ruleAt}/than`);
      } else if (rule.fields !== undefined) {
        if (!Array.isArray(rule.fields) || rule.fields.length < 2)
          this.report(
            `${ruleAt}/fields`,
            '`fields` must list at least two fields.',
          );
        else rule.fields.forEach((f, j) => pointer(f, `${ruleAt}/fields/${j}`));
      }
    });
  }

  private enumLabels(
    value: unknown,
    schema: SchemaObject,
    at: string,
    ui: UiSchema,
  ) {
    const values = Array.isArray(schema.enum) ? schema.enum : undefined;
    if (!values) {
      this.report(
        at,
        '`x-console-enum-labels` needs an `enum` on the same field.',
      );
      return;
    }
    if (Array.isArray(value)) {
      if (
        value.length !== values.length ||
        value.some((v) => typeof v !== 'string')
      ) {
        this.report(
          at,
          `\`x-console-enum-labels\` as a list needs one label per enum value (${values.length}).`,
        );
        return;
      }
      ui['ui:enumNames'] = value;
      return;
    }
    if (!isObject(value)) {
      this.report(
        at,
        '`x-console-enum-labels` must be an object (value → label) or a list of labels.',
      );
      return;
    }
    const known = new Set(values.map(String));
    for (const key of Object.keys(value)) {
      if (!known.has(key))
        this.report(
          `${at}/${escapeSegment(key)}`,
          `"${key}" is not one of the enum values.`,
        );
    }
    ui['ui:enumNames'] = values.map((v) =>
      typeof value[String(v)] === 'string' ? value[String(v)] : String(v),
    );
  }

  private structure(
    schema: SchemaObject,
    path: string,
    ui: UiSchema,
    depth: number,
  ) {
    if (
      typeof schema.$ref === 'string' &&
      !this.refStack.includes(schema.$ref)
    ) {
      const target = resolveRef(schema.$ref, this.root);
      if (isObject(target)) {
        this.refStack.push(schema.$ref);
        // Problems of the target are reported where it is defined, not at each use.
        const silent = new Compiler(this.root, []);
        silent.refStack.push(...this.refStack);
        merge(ui, silent.node(target, path, depth));
        this.refStack.pop();
      }
    }
    const ordered: { name: string; order?: number }[] = [];
    const addProperties = (owner: SchemaObject, ownerPath: string) => {
      if (!isObject(owner.properties)) return;
      for (const [name, child] of Object.entries(owner.properties)) {
        if (!isObject(child)) continue;
        const childUi = this.node(
          child,
          `${ownerPath}/properties/${escapeSegment(name)}`,
          depth + 1,
        );
        ui[name] = ui[name] ? merge(ui[name] as UiSchema, childUi) : childUi;
        const order =
          typeof child['x-console-order'] === 'number'
            ? child['x-console-order']
            : undefined;
        const existing = ordered.find((o) => o.name === name);
        if (!existing) ordered.push({ name, order });
        else if (existing.order === undefined) existing.order = order;
      }
    };
    addProperties(schema, path);
    this.branches(schema, path, addProperties);
    if (ordered.length > 0) {
      const sorted = ordered
        .map((o, index) => ({ ...o, index }))
        .sort(
          (a, b) =>
            (a.order ?? Infinity) - (b.order ?? Infinity) || a.index - b.index,
        );
      ui['ui:order'] = [...sorted.map((o) => o.name), '*'];
    }
    if (isObject(schema.items))
      ui.items = this.node(schema.items, `${path}/items`, depth + 1);
    if (isObject(schema.additionalProperties)) {
      ui.additionalProperties = this.node(
        schema.additionalProperties,
        `${path}/additionalProperties`,
        depth + 1,
      );
    }
    // RJSF renders the chosen oneOf/anyOf option below the object's own fields, with uiSchema.oneOf[i].
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const options = schema[keyword];
      if (!Array.isArray(options)) continue;
      ui[keyword] = options.map((option, i) =>
        isObject(option)
          ? this.node(option, `${path}/${keyword}/${i}`, depth)
          : {},
      );
    }
  }

  /** Properties that if/then/else, allOf and dependencies add to the same object. */
  private branches(
    schema: SchemaObject,
    path: string,
    add: (owner: SchemaObject, ownerPath: string) => void,
  ) {
    for (const keyword of ['if', 'then', 'else']) {
      const branch = schema[keyword];
      if (isObject(branch)) {
        if (keyword === 'if') this.annotationsOnly(branch, `${path}/if`);
        else add(branch, `${path}/${keyword}`);
      }
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach(
        (sub, i) => isObject(sub) && add(sub, `${path}/allOf/${i}`),
      );
    }
    for (const keyword of ['dependencies', 'dependentSchemas']) {
      const deps = schema[keyword];
      if (!isObject(deps)) continue;
      for (const [name, dep] of Object.entries(deps)) {
        if (isObject(dep))
          add(dep, `${path}/${keyword}/${escapeSegment(name)}`);
      }
    }
  }

  /** A condition is not rendered, but a typo in it is still worth reporting. */
  private annotationsOnly(schema: SchemaObject, path: string) {
    this.annotations(schema, path, {}, 2);
  }
}

/** Merges uiSchema `b` into `a` (orders are united, first occurrence wins). */
function merge(a: UiSchema, b: UiSchema): UiSchema {
  for (const [key, value] of Object.entries(b)) {
    const current = a[key];
    if (key === 'ui:order' && Array.isArray(current) && Array.isArray(value)) {
      const names = [...current, ...value].filter((n) => n !== '*');
      a[key] = [...new Set(names), '*'];
    } else if (isObject(current) && isObject(value)) {
      a[key] = merge({ ...current }, value);
    } else {
      a[key] = value;
    }
  }
  return a;
}

/** The keywords whose failure `x-console-errors` can word (ajv's error keywords, drafts 07 and 2020-12). */
const ERROR_KEYWORDS = [
  'type',
  'enum',
  'const',
  'required',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'x-console-unique-by',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'additionalProperties',
  'dependencies',
  'dependentRequired',
  'contains',
  'minContains',
  'maxContains',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'if',
  'oneOf',
  'anyOf',
  'not',
  'false schema',
];

/** The candidate nearest to `word` (edit distance ≤ 3), for "did you mean". */
export function closest(
  word: string,
  candidates: string[],
): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length];
}
