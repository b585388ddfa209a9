import {
  ADDITIONAL_PROPERTY_FLAG,
  buttonId,
  canExpand,
  descriptionId,
  errorId,
  helpId,
  titleId,
  type FieldErrorProps,
  type MultiSchemaFieldTemplateProps,
  type ObjectFieldTemplateProps,
  type FieldTemplateProps,
  type WrapIfAdditionalTemplateProps,
} from '@rjsf/utils';
import { Fragment, useContext, useLayoutEffect, type ReactNode } from 'react';
import { focusIsLost } from '@/lib/focus';
import { fieldLabel, labelledMessage } from '@/lib/json-schema/labels';
import { isObject } from '@/lib/json-schema/pointer';
import { isValidJson, type JsonSchema } from '@/lib/json-schema/validate';
import { takeJustAdded } from './schema-buttons';
import { errorCount, LargeFormContext } from './schema-form-large';
import { LargeFormLayout } from './schema-large-layout';
import { Section } from './schema-section';

interface FieldOptions {
  hidden?: boolean;
  visibleIf?: JsonSchema;
  group?: string;
}

/**
 * The object template: fields in their compiled order, without those hidden
 * by `x-console-hidden` or by an unmet `x-console-visible-if`, and with
 * fields of the same `x-console-group` together under a heading (placed where
 * the group's first field is). Sections are headings and spacing, never boxes
 * in boxes: the heading's size follows the depth (`schema-object--depth-N`),
 * and the section's help (`x-console-help`) stands under its heading, once.
 * In a large form (LargeFormContext), the top-level objects and groups are
 * sections that collapse, listed beside them with a field search.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const store = useContext(LargeFormContext);
  const {
    title,
    description,
    properties,
    uiSchema,
    formData,
    fieldPathId,
    registry,
    required,
    schema,
    onAddProperty,
    disabled,
    readonly,
    optionalDataControl,
    errorSchema,
  } = props;
  const { AddButton } = registry.templates.ButtonTemplates;
  if (
    (schema.oneOf || schema.anyOf) &&
    !schema.properties &&
    properties.length === 0
  )
    return null;

  const sections: { group?: string; names: string[]; items: ReactNode[] }[] =
    [];
  for (const property of properties) {
    if (property.hidden) continue;
    const field = (
      uiSchema?.[property.name] as { 'ui:options'?: FieldOptions } | undefined
    )?.['ui:options'];
    if (field?.hidden) continue;
    if (
      field?.visibleIf !== undefined &&
      !isValidJson(
        field.visibleIf,
        formData ?? {},
        registry.rootSchema as JsonSchema,
      )
    )
      continue;
    const group = field?.group;
    const section = group ? sections.find((s) => s.group === group) : undefined;
    const item = <Fragment key={property.name}>{property.content}</Fragment>;
    if (section) {
      section.names.push(property.name);
      section.items.push(item);
    } else sections.push({ group, names: [property.name], items: [item] });
  }
  const level = fieldPathId.path.length;
  const depth = Math.min(level, 3);
  const entry = ADDITIONAL_PROPERTY_FLAG in schema;
  const help =
    typeof uiSchema?.['ui:help'] === 'string' ? uiSchema['ui:help'] : undefined;
  const shownDescription =
    description && description !== help ? description : undefined;
  const className = `schema-object schema-object--depth-${depth}`;
  // Large forms: the root's groups and its objects outside a group are the sections.
  const topLevel = store !== null && level === 0;
  const groupId = (group: string) =>
    `${fieldPathId.$id}--${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const groupErrors = (names: string[]) =>
    names.reduce(
      (sum, name) =>
        sum + errorCount((errorSchema as Record<string, unknown>)?.[name]),
      0,
    );
  const fields = sections.map((section, i) =>
    section.group && topLevel ? (
      <Section
        key={`group-${section.group}`}
        id={groupId(section.group)}
        title={section.group}
        errors={groupErrors(section.names)}
        className="schema-group"
      >
        {section.items}
      </Section>
    ) : section.group ? (
      <fieldset className="schema-group" key={`group-${section.group}`}>
        <legend className="schema-group__title">{section.group}</legend>
        {section.items}
      </fieldset>
    ) : (
      <Fragment key={`plain-${i}`}>{section.items}</Fragment>
    ),
  );
  const content = (
    <>
      {shownDescription && (
        <div id={descriptionId(fieldPathId)} className="field-description">
          {shownDescription}
        </div>
      )}
      {help && !entry && (
        <div id={helpId(fieldPathId)} className="help-block">
          {help}
        </div>
      )}
      {optionalDataControl}
      {topLevel ? (
        <LargeFormLayout
          sections={sections.flatMap((section) =>
            section.group
              ? [
                  {
                    id: groupId(section.group),
                    title: section.group,
                    errors: groupErrors(section.names),
                  },
                ]
              : section.names.flatMap((name) => {
                  const node = sectionSchema(props, name);
                  return node
                    ? [
                        {
                          id: `${fieldPathId.$id}_${name}`,
                          title: fieldLabel(node, uiSchema?.[name], name),
                          errors: groupErrors([name]),
                        },
                      ]
                    : [];
                }),
          )}
          errors={errorCount(errorSchema)}
          source={{
            schema: registry.rootSchema,
            uiSchema,
            formData,
            idPrefix: fieldPathId.$id,
            retrieve: (node, data) =>
              registry.schemaUtils.retrieveSchema(node, data),
          }}
        >
          {fields}
        </LargeFormLayout>
      ) : (
        fields
      )}
      {canExpand(schema, uiSchema, formData) && (
        <AddButton
          id={buttonId(fieldPathId, 'add')}
          className="rjsf-object-property-expand"
          onClick={onAddProperty}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
    </>
  );
  const grouped = !!(uiSchema?.['ui:options'] as FieldOptions | undefined)
    ?.group;
  if (store && level === 1 && title && !entry && !grouped)
    return (
      <Section
        id={fieldPathId.$id}
        titleId={titleId(fieldPathId)}
        title={title}
        required={required}
        errors={errorCount(errorSchema)}
        className={className}
      >
        {content}
      </Section>
    );
  return (
    <fieldset className={className} id={fieldPathId.$id}>
      {title && !entry && (
        <legend id={titleId(fieldPathId)} className="schema-object__title">
          {title}
          {required && <span className="required">*</span>}
        </legend>
      )}
      {content}
    </fieldset>
  );
}

/** The schema of root property `name` if it is drawn as a section: an object the object template draws. */
function sectionSchema(props: ObjectFieldTemplateProps, name: string) {
  const { schema, uiSchema, registry, formData } = props;
  const ui = uiSchema?.[name] as
    { 'ui:field'?: unknown; 'ui:options'?: FieldOptions } | undefined;
  const child = schema.properties?.[name];
  if (!isObject(child) || ui?.['ui:field'] || ui?.['ui:options']?.group)
    return undefined;
  const node = registry.schemaUtils.retrieveSchema(
    child,
    isObject(formData) ? formData[name] : undefined,
  );
  return (node.type === 'object' || isObject(node.properties)) &&
    !node.oneOf &&
    !node.anyOf
    ? node
    : undefined;
}

/**
 * The oneOf / anyOf choice: RJSF renders its select without a label, so the
 * select is wrapped in one (an implicit label) that names what is chosen.
 */
export function MultiSchemaFieldTemplate({
  selector,
  optionSchemaField,
  schema,
}: MultiSchemaFieldTemplateProps) {
  return (
    <div className="schema-choice">
      {selector && (
        <label className="schema-choice__selector">
          <span className="control-label">
            {schema.title
              ? `Kind of ${schema.title.toLowerCase()}`
              : 'Kind of value'}
          </span>
          {selector}
        </label>
      )}
      {optionSchemaField}
    </div>
  );
}

/**
 * Renaming a map entry (on its name's blur) re-renders the entry under ids made from the new name, so the
 * field Tab was moving to (its Image, its Remove button) is replaced and focus fell to <body>: the next Tab
 * started over and typing went nowhere, or back into the name. Once the rename has rendered, focus goes to
 * the same field under its new id (or the same element elsewhere), unless the user put focus somewhere.
 */
function keepFocusThroughRename(
  entryId: string,
  oldName: string,
  newName: string,
  to: HTMLElement,
) {
  const target = to.id;
  if (!target) return;
  const renamedEntryId = entryId.endsWith(oldName)
    ? entryId.slice(0, entryId.length - oldName.length) + newName
    : undefined;
  const nextId =
    renamedEntryId && target.startsWith(entryId)
      ? renamedEntryId + target.slice(entryId.length)
      : target;
  const restore = (tries: number) => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const next = document.getElementById(nextId);
    if (next) next.focus();
    else if (tries > 0) requestAnimationFrame(() => restore(tries - 1));
  };
  requestAnimationFrame(() => restore(5));
}

/**
 * An entry of a map (additionalProperties): its name, editable and labelled
 * with what an entry is ("Container name", from the map's title), with a
 * remove button on one line, and its value below (RJSF's default lays them out
 * in Bootstrap columns the console does not have).
 */
export function WrapIfAdditionalTemplate(props: WrapIfAdditionalTemplateProps) {
  const {
    id,
    classNames,
    style,
    disabled,
    label,
    onKeyRename,
    onKeyRenameBlur,
    onRemoveProperty,
    readonly,
    schema,
    uiSchema,
    hideError,
    rawErrors,
    children,
  } = props;
  const className = [
    'form-group',
    classNames,
    !hideError && rawErrors?.length ? 'has-error' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const additional = ADDITIONAL_PROPERTY_FLAG in schema;
  const entryLabel = (
    uiSchema?.['ui:options'] as { entryLabel?: unknown } | undefined
  )?.entryLabel;
  const what =
    typeof entryLabel === 'string' && entryLabel ? entryLabel : 'Entry';
  // A new entry is named for what it is ("container", "container-1" when taken), not the library's `newKey`: a name
  // tabbed past is then a sensible one. Selected as before (schema-buttons.tsx), so typing the real name replaces it.
  useLayoutEffect(() => {
    if (!additional || what === 'Entry' || !id.endsWith(`_${label}`)) return;
    if (takeJustAdded(id.slice(0, id.length - label.length - 1), label))
      onKeyRename(
        what
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'entry',
      );
    // Once, as the entry mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (!additional) {
    return (
      <div className={className} style={style}>
        {children}
      </div>
    );
  }
  return (
    <div className={`${className} schema-entry`} style={style}>
      <div className="schema-entry__key">
        <label htmlFor={`${id}-key`} className="control-label">
          {what} name
        </label>
        <div className="schema-entry__key-row">
          <input
            className="form-control mono"
            type="text"
            id={`${id}-key`}
            onBlur={(event) => {
              const to = event.relatedTarget;
              const renamed = event.target.value;
              onKeyRenameBlur(event);
              if (renamed !== label && to instanceof HTMLElement)
                keepFocusThroughRename(id, label, renamed, to);
            }}
            defaultValue={label}
            key={label}
            spellCheck={false}
          />
          <button
            id={buttonId(id, 'remove')}
            type="button"
            className="button button--small"
            disabled={disabled || readonly}
            onClick={() => {
              // The entry and its button go: focus moves to the map's Add button, not to the page.
              // The entry's id is the map's id, `_`, its name: the map's Add button is `<map id>__add`.
              const add = id.endsWith(`_${label}`)
                ? document.getElementById(
                    `${id.slice(0, id.length - label.length - 1)}__add`,
                  )
                : null;
              onRemoveProperty();
              requestAnimationFrame(() => {
                if (add?.isConnected && focusIsLost()) add.focus();
              });
            }}
            aria-label={`Remove ${what.toLowerCase()} ${label}`}
          >
            Remove
          </button>
        </div>
      </div>
      <div className="schema-entry__value">{children}</div>
    </div>
  );
}

/**
 * A field's messages, each with the field's label in front when it is a
 * generic one ("CPU request must be 0 or more"); a message the schema
 * declares (`x-console-errors`) stands as written.
 */
export function FieldErrorTemplate({
  errors = [],
  fieldPathId,
  schema,
  uiSchema,
}: FieldErrorProps) {
  const shown = errors.filter((e) => !!e);
  if (shown.length === 0) return null;
  const label = fieldLabel(schema, uiSchema, fieldPathId.path.at(-1));
  return (
    <ul id={errorId(fieldPathId)} className="error-detail">
      {shown.map((error, i) => (
        <li key={i} className="text-danger">
          {typeof error === 'string' ? labelledMessage(label, error) : error}
        </li>
      ))}
    </ul>
  );
}

/**
 * A field: label, description, input, errors, help. As RJSF's default, except
 * that an entry of a map shows no label (its editable name stands above it),
 * a description that repeats the help is not shown twice, and an object's help
 * is shown under its heading by the object template.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label,
    children,
    errors,
    help,
    description,
    rawDescription,
    rawHelp,
    hidden,
    required,
    displayLabel,
    registry,
    uiSchema,
    schema,
  } = props;
  const WrapIfAdditional = registry.templates.WrapIfAdditionalTemplate;
  if (hidden) return <div className="hidden">{children}</div>;
  const entry = ADDITIONAL_PROPERTY_FLAG in schema;
  const showLabel =
    displayLabel && uiSchema?.['ui:widget'] !== 'checkbox' && !entry;
  const objectTemplate = schema.type === 'object' && !uiSchema?.['ui:field'];
  return (
    <WrapIfAdditional {...props}>
      {entry && displayLabel && (
        <label className="visually-hidden" htmlFor={id}>
          Value of {label}
        </label>
      )}
      {showLabel && (
        <label className="control-label" htmlFor={id}>
          {label}
          {required && <span className="required">*</span>}
        </label>
      )}
      {showLabel && rawDescription !== rawHelp && description}
      {children}
      {errors}
      {!objectTemplate && help}
    </WrapIfAdditional>
  );
}
