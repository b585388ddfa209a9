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

/** The shared plain-English message, naming the missing key for `required`; a key left empty `needs a value`. */
function message(error: SchemaError, value: unknown): string {
  if (error.keyword === 'required')
    return `needs \`${String(error.params.missingProperty)}\``;
  if (
    (value === null || value === '') &&
    (error.keyword === 'type' || error.keyword === 'minLength')
  )
    return 'needs a value';
  return error.message;
}

/** Where a problem is, as YAML readers write it: `jobs.deploy.steps[0].uses` (`(top level)` for the document). */
export function yamlPath(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return '(top level)';
  return segments
    .map((s, i) =>
      typeof s === 'number'
        ? `[${s}]`
        : /^[A-Za-z0-9_-]+$/.test(s)
          ? `${i === 0 ? '' : '.'}${s}`
          : `[${JSON.stringify(s)}]`,
    )
    .join('');
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
  const data: unknown = doc.toJS();
  const errors = validateJson(schema as SchemaObject, data);
  if (errors.length === 0) return [];
  const seen = new Set<string>();
  return errors
    .filter((e) => e.keyword !== 'allOf')
    .map((e) => {
      // An index where the value is a list; a key (a job named `2` too) where it is a mapping.
      const segments: (string | number)[] = [];
      let at: unknown = data;
      for (const raw of e.instancePath.split('/').slice(1)) {
        const segment =
          Array.isArray(at) && /^\d+$/.test(raw)
            ? Number(raw)
            : raw.replace(/~1/g, '/').replace(/~0/g, '~');
        segments.push(segment);
        at =
          typeof at === 'object' && at !== null
            ? (at as Record<string | number, unknown>)[segment]
            : undefined;
      }
      let node: unknown = doc.getIn(segments, true);
      for (let i = segments.length; !isNode(node) && i > 0; i -= 1)
        node = doc.getIn(segments.slice(0, i - 1), true);
      const offset = isNode(node) && node.range ? node.range[0] : 0;
      const pos = counter.linePos(offset);
      const value = at;
      return {
        path: yamlPath(segments),
        message: message(e, value),
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
