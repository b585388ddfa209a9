import { LineCounter, parseDocument, isNode } from 'yaml';
import {
  validateJson,
  type SchemaError,
  type SchemaObject,
} from '@/lib/json-schema/validate';

/** A problem of the pipeline YAML, with where it is (lines and columns start at 1). */
export interface YamlProblem {
  path: string;
  message: string;
  line: number;
  column: number;
}

/** The shared plain-English message, naming the missing key for `required`. */
function message(error: SchemaError): string {
  if (error.keyword === 'required')
    return `needs \`${String(error.params.missingProperty)}\``;
  return error.message;
}

/**
 * Parses the YAML and validates it against the organisation's pipeline
 * schema (ajv, through the console's shared validator and messages);
 * returns every problem with its line, syntax errors first.
 */
export function validatePipelineYaml(
  text: string,
  schema: object,
): YamlProblem[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      path: '',
      message: e.message.split('\n')[0],
      line: e.linePos?.[0].line ?? 1,
      column: e.linePos?.[0].col ?? 1,
    }));
  }
  const errors = validateJson(schema as SchemaObject, doc.toJS());
  if (errors.length === 0) return [];
  const seen = new Set<string>();
  return errors
    .filter((e) => e.keyword !== 'allOf')
    .map((e) => {
      const segments = e.instancePath
        .split('/')
        .slice(1)
        .map((s) =>
          /^\d+$/.test(s)
            ? Number(s)
            : s.replace(/~1/g, '/').replace(/~0/g, '~'),
        );
      let node: unknown = doc.getIn(segments, true);
      for (let i = segments.length; !isNode(node) && i > 0; i -= 1)
        node = doc.getIn(segments.slice(0, i - 1), true);
      const offset = isNode(node) && node.range ? node.range[0] : 0;
      const pos = counter.linePos(offset);
      return {
        path: e.instancePath || '/',
        message: message(e),
        line: pos.line,
        column: pos.col,
      };
    })
    .filter((p) => {
      const key = `${p.path} ${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
