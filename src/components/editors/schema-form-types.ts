import type { ReactNode } from 'react';

/** An option of the resource picker (`x-console-widget: resource-ref`). */
export interface ResourceOption {
  /** What the picker writes without `x-console-resource-output`: `shared.db`, `externals.cache` or a type. */
  value: string;
  label: string;
  /** Heading of the option group, e.g. "Shared resources". */
  group: string;
  /** Where the resource is (none for a resource type): the picker writes `${<scope>.<name>.<output>}` for a field that wants an output. */
  scope?: 'shared' | 'externals' | 'resources';
  /** The resource's name in its scope (`db`). */
  name?: string;
  /** Its resource type (`postgres`), which `x-console-resource-type` filters by. */
  type?: string;
  /** Its class (none: `default`), which `x-console-resource-class` filters by. */
  class?: string;
}

/** Data the custom widgets read. */
export interface SchemaFormContext {
  resources?: ResourceOption[];
}

/** Field-level errors by data path: `{ containers: { api: { image: { __errors: ['…'] } } } }`. */
export interface ErrorTree {
  __errors?: string[];
  [field: string]: ErrorTree | string[] | undefined;
}

export interface SchemaFormProps {
  /** A JSON Schema with console annotations (x-console-*), compiled to the form's layout. */
  schema: object;
  formData: unknown;
  /**
   * Every change, as the form holds it: RJSF drops the values of an inactive if/then/else branch itself;
   * values hidden by x-console-visible-if stay (toggling back restores them) and are left out on submit.
   */
  onChange: (formData: unknown) => void;
  /** On submit when valid (or always with `noValidate`), with values hidden by a condition removed. */
  onSubmit?: (formData: unknown) => void;
  /** Errors from elsewhere (e.g. the engine), shown at their fields. */
  extraErrors?: ErrorTree;
  /** Validate while typing (the designer's preview) instead of on submit. */
  liveValidate?: boolean;
  /** Submit without validating in the browser (the engine validates). */
  noValidate?: boolean;
  /** A field was left (its element id, as `idPrefix_path_to_field`). */
  onBlur?: (id: string) => void;
  /** A field took focus (its element id). */
  onFocus?: (id: string) => void;
  formContext?: SchemaFormContext;
  /** Prefix of the field ids, unique per page. */
  idPrefix: string;
  /** Accessible name of the form. */
  label: string;
  readOnly?: boolean;
  /**
   * The stored data the form edits. Values the form fills in from the schema's defaults where it has none are no
   * edits: onChange and onSubmit leave them out until the user changes them (opening a workload is never a change).
   */
  original?: unknown;
  /** The form's buttons; none when omitted. */
  children?: ReactNode;
}
