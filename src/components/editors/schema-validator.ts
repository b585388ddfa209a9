/**
 * The RJSF validator of the console: @rjsf/validator-ajv8 compiles every
 * schema with `new Function`, which the Content-Security-Policy
 * (`script-src 'self'`) blocks, so forms validate with the console's own
 * interpreter (src/lib/json-schema, the one the embedded engine uses too).
 * ajv8's error processing (titles, error schema, customValidate) is reused
 * as is: the interpreter reports errors in ajv's shape.
 */
import { JUNK_OPTION_ID, type CustomValidator, type ErrorTransformer, type RJSFSchema, type UiSchema, type ValidationData, type ValidatorType } from '@rjsf/utils';
import processRawValidationErrors from '@rjsf/validator-ajv8/lib/processRawValidationErrors.js';
import type { ErrorObject } from 'ajv';
import { isValidJson, validateJson, type JsonSchema } from '@/lib/json-schema/validate';

type FormData = unknown;

/** RJSF's ValidatorType over the console's JSON Schema interpreter (no eval). */
export const consoleValidator: ValidatorType<FormData, RJSFSchema> = {
  validateFormData(
    formData: FormData | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<FormData, RJSFSchema>,
    transformErrors?: ErrorTransformer<FormData, RJSFSchema>,
    uiSchema?: UiSchema<FormData, RJSFSchema>,
  ): ValidationData<FormData> {
    const raw = consoleValidator.rawValidation<ErrorObject>(schema, formData);
    return processRawValidationErrors(consoleValidator, raw, formData, schema, customValidate, transformErrors, uiSchema);
  },
  isValid(schema: RJSFSchema, formData: FormData | undefined, rootSchema: RJSFSchema): boolean {
    // RJSF's placeholder for an option it could not resolve never matches (as in validator-ajv8).
    if (schema.$id === JUNK_OPTION_ID) return false;
    return isValidJson(schema as JsonSchema, formData, rootSchema as JsonSchema);
  },
  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: FormData): { errors?: Result[] } {
    const errors = validateJson(schema as JsonSchema, formData);
    return { errors: errors.length > 0 ? (errors as Result[]) : undefined };
  },
};
