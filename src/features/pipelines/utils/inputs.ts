import { parse } from 'yaml';

/** A `pipeline_call` input as the pipeline's YAML declares it (`on.pipeline_call.inputs.<name>`). */
export interface DeclaredInput {
  name: string;
  type: 'string' | 'number' | 'boolean';
  description?: string;
  required: boolean;
  default?: string | number | boolean;
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The inputs a pipeline's saved YAML declares for its `pipeline_call`
 * trigger, in the order written (type `string` unless it says otherwise).
 * Empty when it declares none (a call may then pass any) or the YAML does
 * not parse (the API refused such a definition, so it is not saved).
 */
export function declaredInputs(yamlText: string): DeclaredInput[] {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch {
    return [];
  }
  const on = isMap(doc) ? doc.on : undefined;
  const call = isMap(on) ? on.pipeline_call : undefined;
  const inputs = isMap(call) ? call.inputs : undefined;
  if (!isMap(inputs)) return [];
  return Object.entries(inputs).map(([name, raw]) => {
    const spec = isMap(raw) ? raw : {};
    const type =
      spec.type === 'number' || spec.type === 'boolean' ? spec.type : 'string';
    const fallback = spec.default;
    return {
      name,
      type,
      ...(typeof spec.description === 'string'
        ? { description: spec.description }
        : {}),
      required: spec.required === true,
      ...(typeof fallback === type
        ? { default: fallback as string | number | boolean }
        : {}),
    };
  });
}
