import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode } from 'yaml';

/** A problem of the pipeline YAML, with where it is (lines and columns start at 1). */
export interface YamlProblem {
  path: string;
  message: string;
  line: number;
  column: number;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();

function message(error: ErrorObject): string {
  if (error.keyword === 'required') return `needs \`${String(error.params.missingProperty)}\``;
  if (error.keyword === 'enum') return `must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
  if (error.keyword === 'additionalProperties') return `\`${String(error.params.additionalProperty)}\` is not allowed here`;
  return error.message ?? 'is invalid';
}

/**
 * Parses the YAML and validates it against the organisation's pipeline
 * schema (ajv); returns every problem with its line, syntax errors first.
 */
export function validatePipelineYaml(text: string, schema: object): YamlProblem[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({ path: '', message: e.message.split('\n')[0], line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1 }));
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(doc.toJS())) return [];
  const seen = new Set<string>();
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'allOf')
    .map((e) => {
      const segments = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
      let node: unknown = doc.getIn(segments, true);
      for (let i = segments.length; !isNode(node) && i > 0; i -= 1) node = doc.getIn(segments.slice(0, i - 1), true);
      const offset = isNode(node) && node.range ? node.range[0] : 0;
      const pos = counter.linePos(offset);
      return { path: e.instancePath || '/', message: message(e), line: pos.line, column: pos.col };
    })
    .filter((p) => {
      const key = `${p.path} ${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
