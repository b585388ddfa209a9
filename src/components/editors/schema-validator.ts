/**
 * The forms' validator: @rjsf/validator-ajv8 with the console's ajv options
 * and draft (src/lib/json-schema/validate.ts), and the console's messages
 * (plain English, `x-console-errors`, the closest anyOf/oneOf option) set by
 * its localizer. One validator per root schema: ajv caches compiled schemas
 * by `$id`, and a schema edited in the designer keeps its `$id`.
 *
 * The form's verdict is the engine's (issue 18): `validateFormData` checks
 * what the form submits (values hidden by a condition left out) against the
 * root schema, with `specIssues`, the function the engine enforces profiles
 * with, and places each message at its field by JSON pointer. RJSF asks it
 * with the schema it resolved for the data while typing; the root is used
 * anyway, so a condition's `then.required` reads the same as on submit.
 * RJSF's own ajv pipeline remains for `isValid` (choosing options and
 * branches). The console passes no customValidate / transformErrors.
 */
import type {
  ErrorSchema,
  RJSFSchema,
  RJSFValidationError,
  ValidatorType,
} from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ErrorObject } from 'ajv';
import { messageFor, pruneAlternatives } from '@/lib/json-schema/messages';
import { addConsoleKeywords } from '@/lib/json-schema/keywords';
import { parsePointer } from '@/lib/json-schema/pointer';
import { issueTree, specIssues } from '@/lib/json-schema/schema-validator';
import { AJV_OPTIONS, ajvClassFor } from '@/lib/json-schema/validate';
import { pruneHiddenValues } from '@/lib/schema-prune';

type FormData = unknown;

/** Rewrites ajv's errors in place (RJSF reads the same array afterwards). */
function localize(errors?: ErrorObject[] | null): void {
  if (!errors) return;
  pruneAlternatives(errors);
  for (const error of errors) error.message = messageFor(error);
}

/** RJSF's name of a field (`.containers.api.image`), which it focuses by. */
const propertyOf = (pointer: string) =>
  (parsePointer(pointer) ?? []).map((token) => `.${token}`).join('');

/** The form's errors for `formData`: the engine's verdict on what the form submits. */
export function formValidation(schema: RJSFSchema, formData: FormData) {
  const issues = specIssues(schema, pruneHiddenValues(schema, formData));
  const errors: RJSFValidationError[] = issues.map((issue) => {
    const property = propertyOf(issue.path);
    return {
      name: issue.keyword,
      property,
      message: issue.message,
      stack: `${property} ${issue.message}`.trim(),
    };
  });
  return {
    errors,
    errorSchema: issueTree(issues) as ErrorSchema<FormData>,
  };
}

const validators = new WeakMap<object, ValidatorType<FormData, RJSFSchema>>();

/** The RJSF validator for forms of `schema`. */
export function validatorFor(
  schema: RJSFSchema,
): ValidatorType<FormData, RJSFSchema> {
  let validator = validators.get(schema);
  if (!validator) {
    validator = customizeValidator<FormData, RJSFSchema>(
      {
        AjvClass: ajvClassFor(schema),
        ajvOptionsOverrides: AJV_OPTIONS,
        extenderFn: addConsoleKeywords,
      },
      localize,
    );
    validator.validateFormData = (formData) => formValidation(schema, formData);
    validators.set(schema, validator);
  }
  return validator;
}
