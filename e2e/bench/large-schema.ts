/** The form benchmark's schema: sections of fields with the usual keywords and annotations. */
export const SECTIONS = 10;
export const FIELDS_PER_SECTION = 30;

/** 10 sections × 30 fields: strings (some with patterns and placeholders), numbers, enums with labels, booleans. */
export function largeSchema(): Record<string, unknown> {
  const field = (s: number, f: number): Record<string, unknown> => {
    const title = `Field ${s}.${f}`;
    switch (f % 5) {
      case 0:
        return { type: 'integer', title, minimum: 0, maximum: 1000 };
      case 1:
        return {
          type: 'string',
          title,
          enum: ['a', 'b', 'c'],
          'x-console-enum-labels': { a: 'Alpha', b: 'Beta', c: 'Gamma' },
        };
      case 2:
        return { type: 'boolean', title };
      case 3:
        return {
          type: 'string',
          title,
          pattern: '^[a-z0-9-]*$',
          'x-console-errors': {
            pattern: 'Lowercase letters, digits and dashes.',
          },
        };
      default:
        return {
          type: 'string',
          title,
          maxLength: 64,
          'x-console-placeholder': 'text',
          'x-console-help': 'Free text.',
        };
    }
  };
  const properties: Record<string, unknown> = {};
  for (let s = 1; s <= SECTIONS; s += 1) {
    const fields: Record<string, unknown> = {};
    for (let f = 1; f <= FIELDS_PER_SECTION; f += 1)
      fields[`field_${f}`] = field(s, f);
    properties[`section_${s}`] = {
      type: 'object',
      title: `Section ${s}`,
      'x-console-order': s,
      properties: fields,
    };
  }
  return { type: 'object', title: 'Large profile', properties };
}
