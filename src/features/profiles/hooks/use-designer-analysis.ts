import {
  MAX_PROFILE_DEFINITION_CHARS,
  PROFILE_SIZE_LIMIT_TEXT,
} from '@/contract/limits';
import { useEffect, useMemo, useState } from 'react';
import type { WorkloadProfileFeature } from '@/api/types';
import type { EditorMarker } from '@/components/editors/code-editor';
import { locateJson } from '@/lib/json-locations';
import type { SchemaObject } from '@/lib/json-schema/validate';
import { isObject } from '@/lib/json-schema/pointer';
import {
  documentProblems,
  resolveFeatures,
  specDefinitionFromDocument,
} from '../utils/profile-document';

/** A problem of the document, placed on its line. */
export type PlacedProblem = EditorMarker;

export interface Analysis {
  /** The parsed document, when the text is JSON. */
  document?: SchemaObject;
  problems: PlacedProblem[];
  errors: number;
  /** Whether the text changed since it was last analysed (within the debounce): `document` is not yet the text's. */
  settling: boolean;
  /** The schema the preview renders: the current one, or the last one without errors. */
  previewSchema?: SchemaObject;
  /** Whether the preview shows an older schema because the current one has errors. */
  stale: boolean;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function parseError(text: string, error: unknown): PlacedProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const offset = at ? Math.min(Number(at[1]), text.length) : 0;
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return {
    startLine: line,
    startColumn: column,
    endLine: line,
    endColumn: column + 1,
    severity: 'error',
    message: `Not valid JSON: ${message.replace(/^JSON\.parse: /, '')}`,
  };
}

/**
 * The largest schema the designer checks and previews: 1 MiB, the request
 * size the API accepts, so a larger one could not be published anyway.
 * Checking grows with the schema (about a second per megabyte), and the
 * designer must never freeze: above this it says so and does nothing else.
 */
export const MAX_SCHEMA_BYTES = 1024 * 1024;

const sizeOf = (text: string) =>
  text.length * 3 <= MAX_SCHEMA_BYTES
    ? text.length
    : new TextEncoder().encode(text).length;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The one problem of a document too large to check: on its first line, with what to do. */
const tooLarge = (what: string) => ({
  problems: [
    {
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'error' as const,
      message: `${what}, so it is not checked, previewed or publishable. Move repeated parts into $defs and refer to them with $ref.`,
    },
  ],
  errors: 1,
});

/** Parses and checks the designer's text (debounced), placing each problem on its line. */
export function useDesignerAnalysis(
  text: string,
  features: WorkloadProfileFeature[],
): Analysis {
  const settled = useDebounced(text, 250);
  const [lastGood, setLastGood] = useState<SchemaObject>();
  const analysis = useMemo(() => {
    const bytes = sizeOf(settled);
    if (bytes > MAX_SCHEMA_BYTES) {
      return tooLarge(
        `The schema is ${megabytes(bytes)}; profiles can be at most ${megabytes(MAX_SCHEMA_BYTES)} (the API's request limit)`,
      );
    }
    let document: unknown;
    try {
      document = JSON.parse(settled);
    } catch (error) {
      return { problems: [parseError(settled, error)], errors: 1 };
    }
    const locate = locateJson(settled);
    // The engine measures what is published, the spec_definition (each property's title and hints beside its schema).
    const compact = JSON.stringify(
      isObject(document) ? specDefinitionFromDocument(document) : document,
    ).length;
    if (compact > MAX_PROFILE_DEFINITION_CHARS) {
      return tooLarge(
        `The profile is ${Math.ceil(compact / 1024)} KiB without its spaces; a profile can be at most ${PROFILE_SIZE_LIMIT_TEXT} (the engine's limit)`,
      );
    }
    const problems = documentProblems(document, features).map((p) => ({
      ...(locate
        ? locate(p.path)
        : { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }),
      message: p.message,
      severity: p.severity,
    }));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const resolved =
      errors === 0
        ? resolveFeatures(document as SchemaObject, features)
        : undefined;
    return { document: document as SchemaObject, problems, errors, resolved };
  }, [settled, features]);
  const resolved = 'resolved' in analysis ? analysis.resolved : undefined;
  if (resolved && resolved !== lastGood) setLastGood(resolved);
  return {
    document: 'document' in analysis ? analysis.document : undefined,
    problems: analysis.problems,
    errors: analysis.errors,
    settling: settled !== text,
    previewSchema: resolved ?? lastGood,
    stale: analysis.errors > 0 && lastGood !== undefined,
  };
}
