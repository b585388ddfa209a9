/**
 * The forms' validator: @rjsf/validator-ajv8 with the console's ajv options
 * and draft (src/lib/json-schema/validate.ts), and the console's messages
 * (plain English, `x-console-errors`, the closest anyOf/oneOf option) set by
 * its localizer. One validator per root schema: ajv caches compiled schemas
 * by `$id`, and a schema edited in the designer keeps its `$id`.
 */
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ErrorObject } from 'ajv';
import { messageFor, pruneAlternatives } from '@/lib/json-schema/messages';
import { AJV_OPTIONS, ajvClassFor } from '@/lib/json-schema/validate';

type FormData = unknown;

/** Rewrites ajv's errors in place (RJSF reads the same array afterwards). */
function localize(errors?: ErrorObject[] | null): void {
  if (!errors) return;
  pruneAlternatives(errors);
  for (const error of errors) error.message = messageFor(error);
}

const validators = new WeakMap<object, ValidatorType<FormData, RJSFSchema>>();

/** The RJSF validator for forms of `schema`. */
export function validatorFor(
  schema: RJSFSchema,
): ValidatorType<FormData, RJSFSchema> {
  let validator = validators.get(schema);
  if (!validator) {
    validator = customizeValidator<FormData, RJSFSchema>(
      { AjvClass: ajvClassFor(schema), ajvOptionsOverrides: AJV_OPTIONS },
      localize,
    );
    validators.set(schema, validator);
  }
  return validator;
}
