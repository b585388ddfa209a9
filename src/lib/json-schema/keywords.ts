/**
 * Validation keywords of the console's own: added to every ajv instance that
 * checks workload specs, the engine's (validate.ts, createAjv) and the
 * forms' (src/components/editors/schema-validator.ts), so both refuse the
 * same data with the same message (messages.ts words it).
 *
 * - `x-console-unique-by: "name"` (or a list of properties) on an array of
 *   objects: no two items may have the same value of that property (or the
 *   same combination of values); items without it are not compared. JSON
 *   Schema's `uniqueItems` compares whole items, so two sidecars named `proxy`
 *   with different images would pass it.
 */
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { isObject, jsonEqual } from './pointer';
import { addRuleKeywords } from './rules';

export const UNIQUE_BY = 'x-console-unique-by';

/** The properties of a `x-console-unique-by` value, or undefined when it is not a name or a list of names. */
export function uniqueByProperties(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value) return [value];
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && v)
  )
    return value as string[];
  return undefined;
}

/** The first two items (indexes) with the same values of `properties`, or undefined. */
export function firstDuplicate(
  items: unknown[],
  properties: string[],
): { i: number; j: number; values: unknown[] } | undefined {
  const seen: { index: number; values: unknown[] }[] = [];
  for (let j = 0; j < items.length; j += 1) {
    const item = items[j];
    if (!isObject(item)) continue;
    if (!properties.every((p) => Object.hasOwn(item, p))) continue;
    const values = properties.map((p) => item[p]);
    const earlier = seen.find((s) => jsonEqual(s.values, values));
    if (earlier) return { i: earlier.index, j, values };
    seen.push({ index: j, values });
  }
  return undefined;
}

type DataValidate = ((data: unknown) => boolean) & {
  errors?: Partial<ErrorObject>[];
};

/** Adds the console's keywords to an ajv instance (returns it, as RJSF's `extenderFn` wants). */
export function addConsoleKeywords<A extends Ajv>(ajv: A): A {
  addRuleKeywords(ajv); // x-console-rules and the cron widget's check (rules.ts)
  if (ajv.getKeyword(UNIQUE_BY)) return ajv;
  ajv.addKeyword({
    keyword: UNIQUE_BY,
    type: 'array',
    errors: true,
    compile: (schema: unknown, parentSchema: unknown) => {
      const properties = uniqueByProperties(schema);
      const validate: DataValidate = (data) => {
        if (!properties || !Array.isArray(data)) return true;
        const duplicate = firstDuplicate(data, properties);
        if (!duplicate) return true;
        validate.errors = [
          {
            keyword: UNIQUE_BY,
            params: {
              properties,
              values: duplicate.values,
              i: duplicate.i,
              j: duplicate.j,
            },
            // Messages read the schema's own `x-console-errors` from here (messages.ts).
            parentSchema: parentSchema as ErrorObject['parentSchema'],
          },
        ];
        return false;
      };
      return validate;
    },
  });
  return ajv;
}
