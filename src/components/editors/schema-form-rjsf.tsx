import Form from '@rjsf/core';
import {
  getDefaultFormState,
  type ErrorSchema,
  type RegistryFieldsType,
  type RegistryWidgetsType,
  type RJSFSchema,
  type UiSchema,
} from '@rjsf/utils';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
} from 'react';
import type { JsonSchema } from '@/lib/json-schema/validate';
import { withFieldTitles } from '@/lib/json-schema/labels';
import { compileAnnotations } from '@/lib/schema-annotations';
import {
  pruneHiddenValues,
  withoutUnchangedDefaults,
} from '@/lib/schema-prune';
import type { SchemaFormProps } from './schema-form-types';
import { ArrayFieldItemTemplate } from './schema-array-item';
import { buttonTemplates } from './schema-buttons';
import { focusFirstError } from './schema-form-focus';
import {
  createSectionStore,
  isLargeForm,
  LargeFormContext,
} from './schema-form-large';
import './schema-form.css';
import {
  FieldErrorTemplate,
  FieldTemplate,
  MultiSchemaFieldTemplate,
  ObjectFieldTemplate,
  WrapIfAdditionalTemplate,
} from './schema-templates';
import { validatorFor } from './schema-validator';
import { CronWidget } from './widgets/cron-widget';
import { ImageWidget } from './widgets/image-widget';
import { KeyValueField } from './widgets/key-value-field';
import { PortListField } from './widgets/port-list-field';
import { CpuWidget, MemoryWidget } from './widgets/quantity-widget';
import { RangeWidget } from './widgets/range-widget';
import { ResourceRefWidget } from './widgets/resource-ref-widget';
import { SecretWidget } from './widgets/secret-widget';

const widgets: RegistryWidgetsType = {
  image: ImageWidget,
  cpu: CpuWidget,
  memory: MemoryWidget,
  secret: SecretWidget,
  cron: CronWidget,
  'resource-ref': ResourceRefWidget,
  range: RangeWidget,
};
const fields: RegistryFieldsType = {
  'key-value': KeyValueField,
  ports: PortListField,
};
const templates = {
  FieldTemplate,
  FieldErrorTemplate,
  ObjectFieldTemplate,
  MultiSchemaFieldTemplate,
  WrapIfAdditionalTemplate,
  ArrayFieldItemTemplate,
  ButtonTemplates: buttonTemplates,
};
const defaults = {
  emptyObjectFields: 'skipEmptyDefaults',
  arrayMinItems: { populate: 'never' },
} as const;

const LabelContext = createContext('Form');

/** The <form> RJSF renders, with an accessible name (RJSF passes no aria props through). */
function LabelledForm(props: ComponentProps<'form'>) {
  return <form {...props} aria-label={useContext(LabelContext)} />;
}

/** The RJSF implementation of SchemaForm (loaded lazily). */
export default function RjsfSchemaForm(props: SchemaFormProps) {
  const {
    schema,
    formData,
    onChange,
    onSubmit,
    extraErrors,
    liveValidate,
    noValidate,
    onBlur,
    onFocus,
    formContext,
    idPrefix,
    label,
    readOnly,
    original,
    children,
  } = props;
  // Labels a person would write: the schema's titles, else property names in words.
  const uiSchema = useMemo(
    () =>
      withFieldTitles(schema, compileAnnotations(schema).uiSchema) as UiSchema,
    [schema],
  );
  const validator = useMemo(() => validatorFor(schema as RJSFSchema), [schema]);
  // The form's view of the stored data (defaults filled in): what it shows before any edit.
  const filled = useMemo(
    () =>
      original === undefined
        ? undefined
        : getDefaultFormState(
            validator,
            schema as RJSFSchema,
            original,
            schema as RJSFSchema,
            false,
            defaults,
          ),
    [validator, schema, original],
  );
  const edits = (data: unknown) =>
    original === undefined
      ? data
      : withoutUnchangedDefaults(data, filled, original);
  // Large forms: sections that collapse (which, kept here across re-renders), a section list, field search.
  const large = useMemo(() => isLargeForm(schema), [schema]);
  const [sections] = useState(createSectionStore);
  const form = useRef<Form>(null);
  // A refused submit focuses the first field with an error in the page's order, expanding its section.
  const focusFirst = useCallback(() => {
    const element = form.current?.formElement.current as
      HTMLFormElement | undefined;
    if (element) focusFirstError(element);
  }, []);
  return (
    <LabelContext value={label}>
      <LargeFormContext value={large ? sections : null}>
        <Form
          ref={form}
          className={large ? 'schema-form schema-form--large' : 'schema-form'}
          tagName={LabelledForm}
          schema={schema as RJSFSchema}
          uiSchema={uiSchema}
          formData={formData}
          validator={validator}
          widgets={widgets}
          fields={fields}
          templates={templates}
          formContext={formContext}
          idPrefix={idPrefix}
          readonly={readOnly}
          extraErrors={extraErrors as ErrorSchema | undefined}
          liveValidate={liveValidate ? 'onChange' : undefined}
          noValidate={noValidate}
          noHtml5Validate
          showErrorList={false}
          focusOnFirstError={focusFirst}
          experimental_defaultFormStateBehavior={defaults}
          onChange={(event) => onChange(edits(event.formData))}
          onBlur={(id) => onBlur?.(id)}
          onFocus={(id) => onFocus?.(id)}
          onSubmit={(event) =>
            onSubmit?.(
              pruneHiddenValues(schema as JsonSchema, edits(event.formData)),
            )
          }
          // Without onError RJSF logs invalid submits to the console; the fields show the errors.
          onError={() => undefined}
        >
          {children ?? <></>}
        </Form>
      </LargeFormContext>
    </LabelContext>
  );
}
