import {
  ADDITIONAL_PROPERTY_FLAG,
  buttonId,
  canExpand,
  descriptionId,
  titleId,
  type MultiSchemaFieldTemplateProps,
  type ObjectFieldTemplateProps,
  type FieldTemplateProps,
  type WrapIfAdditionalTemplateProps,
} from '@rjsf/utils';
import { Fragment, type ReactNode } from 'react';
import { isValidJson, type JsonSchema } from '@/lib/json-schema/validate';

interface FieldOptions {
  hidden?: boolean;
  visibleIf?: JsonSchema;
  group?: string;
}

/**
 * The object template: fields in their compiled order, without those hidden
 * by `x-console-hidden` or by an unmet `x-console-visible-if`, and with
 * fields of the same `x-console-group` together under a heading (placed where
 * the group's first field is).
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, uiSchema, formData, fieldPathId, registry, required, schema, onAddProperty, disabled, readonly, optionalDataControl } = props;
  const { AddButton } = registry.templates.ButtonTemplates;
  if ((schema.oneOf || schema.anyOf) && !schema.properties && properties.length === 0) return null;

  const sections: { group?: string; items: ReactNode[] }[] = [];
  for (const property of properties) {
    if (property.hidden) continue;
    const field = (uiSchema?.[property.name] as { 'ui:options'?: FieldOptions } | undefined)?.['ui:options'];
    if (field?.hidden) continue;
    if (field?.visibleIf !== undefined && !isValidJson(field.visibleIf, formData ?? {}, registry.rootSchema as JsonSchema)) continue;
    const group = field?.group;
    const section = group ? sections.find((s) => s.group === group) : undefined;
    if (section) section.items.push(<Fragment key={property.name}>{property.content}</Fragment>);
    else sections.push({ group, items: [<Fragment key={property.name}>{property.content}</Fragment>] });
  }
  return (
    <fieldset className="schema-object" id={fieldPathId.$id}>
      {title && !(ADDITIONAL_PROPERTY_FLAG in schema) && (
        <legend id={titleId(fieldPathId)}>
          {title}
          {required && <span className="required">*</span>}
        </legend>
      )}
      {description && (
        <div id={descriptionId(fieldPathId)} className="field-description">
          {description}
        </div>
      )}
      {optionalDataControl}
      {sections.map((section, i) =>
        section.group ? (
          <fieldset className="schema-group" key={`group-${section.group}`}>
            <legend>{section.group}</legend>
            {section.items}
          </fieldset>
        ) : (
          <Fragment key={`plain-${i}`}>{section.items}</Fragment>
        ),
      )}
      {canExpand(schema, uiSchema, formData) && (
        <AddButton id={buttonId(fieldPathId, 'add')} className="rjsf-object-property-expand" onClick={onAddProperty} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} />
      )}
    </fieldset>
  );
}

/**
 * The oneOf / anyOf choice: RJSF renders its select without a label, so the
 * select is wrapped in one (an implicit label) that names what is chosen.
 */
export function MultiSchemaFieldTemplate({ selector, optionSchemaField, schema }: MultiSchemaFieldTemplateProps) {
  return (
    <div className="schema-choice">
      {selector && (
        <label className="schema-choice__selector">
          <span className="control-label">{schema.title ? `Kind of ${schema.title.toLowerCase()}` : 'Kind of value'}</span>
          {selector}
        </label>
      )}
      {optionSchemaField}
    </div>
  );
}

/**
 * An entry of a map (additionalProperties): its name, editable, with a remove
 * button on one line, and its value below (RJSF's default lays them out in
 * Bootstrap columns the console does not have).
 */
export function WrapIfAdditionalTemplate(props: WrapIfAdditionalTemplateProps) {
  const { id, classNames, style, disabled, label, onKeyRenameBlur, onRemoveProperty, readonly, schema, hideError, rawErrors, children } = props;
  const className = ['form-group', classNames, !hideError && rawErrors?.length ? 'has-error' : ''].filter(Boolean).join(' ');
  if (!(ADDITIONAL_PROPERTY_FLAG in schema)) {
    return (
      <div className={className} style={style}>
        {children}
      </div>
    );
  }
  return (
    <div className={`${className} schema-entry`} style={style}>
      <div className="schema-entry__key">
        <label htmlFor={`${id}-key`} className="visually-hidden">
          Name of {label}
        </label>
        <input className="form-control mono" type="text" id={`${id}-key`} onBlur={onKeyRenameBlur} defaultValue={label} key={label} spellCheck={false} />
        <button id={buttonId(id, 'remove')} type="button" className="icon-button" disabled={disabled || readonly} onClick={onRemoveProperty} aria-label={`Remove ${label}`} title={`Remove ${label}`}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="schema-entry__value">{children}</div>
    </div>
  );
}

/**
 * A field: label, description, input, errors, help. As RJSF's default, except
 * that an entry of a map shows no label: its editable name stands above it.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, registry, uiSchema, schema } = props;
  const WrapIfAdditional = registry.templates.WrapIfAdditionalTemplate;
  if (hidden) return <div className="hidden">{children}</div>;
  const entry = ADDITIONAL_PROPERTY_FLAG in schema;
  const showLabel = displayLabel && uiSchema?.['ui:widget'] !== 'checkbox' && !entry;
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
      {showLabel && description}
      {children}
      {errors}
      {help}
    </WrapIfAdditional>
  );
}
