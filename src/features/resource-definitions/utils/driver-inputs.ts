import type {
  DriverInputs,
  ResourceDefinition,
  ResourceDriver,
} from '@/api/resource-definitions';
import { isSecretReference, secretReference } from '@/lib/json-schema/secrets';

type JsonObject = Record<string, unknown>;

/** What the driver-inputs form edits: the `values` and `secrets` halves of `driver_inputs`. */
export interface DriverInputsForm {
  values: JsonObject;
  /** A stored secret is `${secrets.<key>}` (shown as "set"); a typed one is its new value; a cleared one is absent. */
  secrets: JsonObject;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Marks every string field under `schema` as a write-only secret field of the form. */
function markSecret(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  if (schema.type === 'string')
    return { ...schema, 'x-console-widget': 'secret' };
  if (!isObject(schema.properties)) return schema;
  return {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, markSecret(v)]),
    ),
  };
}

/**
 * The form's schema from a driver's `inputs_schema` (which describes
 * `{values, secrets}`): its `secrets` fields become write-only secret fields.
 * A driver without a schema of its own gets free `values` and `secrets` maps.
 */
export function driverFormSchema(driver: ResourceDriver | undefined): object {
  const schema = driver?.inputs_schema ?? {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  const free = { type: 'object', additionalProperties: { type: 'string' } };
  return {
    ...schema,
    type: 'object',
    properties: {
      ...properties,
      values: {
        title: 'Values',
        ...(isObject(properties.values) ? properties.values : free),
      },
      secrets: markSecret({
        title: 'Secrets',
        ...(isObject(properties.secrets) ? properties.secrets : free),
      }),
    },
  };
}

/** The form's data for a stored definition: its values, and each stored secret as a reference. */
export function driverFormData(
  def: ResourceDefinition | undefined,
): DriverInputsForm {
  const inputs = def?.driver_inputs ?? {};
  const stored = Object.keys({ ...inputs.secret_refs, ...inputs.secrets });
  return {
    values: { ...inputs.values },
    secrets: Object.fromEntries(
      stored.map((key) => [key, secretReference(key)]),
    ),
  };
}

/**
 * The `driver_inputs` to send: the values as the form holds them and only the
 * secrets typed since (a reference stands for a stored secret and is not sent:
 * the API never returns a secret). Against a stored definition (`original`),
 * a value or a stored secret the form removed is sent as `null`, which PATCH
 * reads as "remove this key" (it merges the rest key by key).
 */
export function driverInputsToSend(
  form: DriverInputsForm,
  original: DriverInputsForm = { values: {}, secrets: {} },
): DriverInputs {
  const values: JsonObject = { ...form.values };
  for (const key of Object.keys(original.values))
    if (values[key] === undefined) values[key] = null;
  const secrets: JsonObject = {};
  for (const [key, value] of Object.entries(form.secrets ?? {}))
    if (value !== undefined && !isSecretReference(value)) secrets[key] = value;
  for (const key of Object.keys(original.secrets))
    if (form.secrets?.[key] === undefined) secrets[key] = null;
  return {
    values,
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
  };
}

/** The form's data without the secrets typed into it (for the draft kept in the browser). */
export function withoutTypedSecrets(
  form: DriverInputsForm,
  original: DriverInputsForm,
): DriverInputsForm {
  const secrets: JsonObject = {};
  for (const [key, value] of Object.entries(form.secrets ?? {})) {
    if (isSecretReference(value)) secrets[key] = value;
    else if (original.secrets[key] !== undefined)
      secrets[key] = original.secrets[key];
  }
  return { values: form.values ?? {}, secrets };
}
