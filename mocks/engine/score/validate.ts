/**
 * The Score file against the Score schema (score.dev/v1b1, src/lib/score/schema.ts) with ajv: a file that
 * does not fit is refused with every problem named by its field (`spec.containers.main.image`).
 */
import { validateJson } from '../../../src/lib/json-schema/validate';
import { SCORE_V1B1_SCHEMA } from '../../../src/lib/score/schema';
import type { JsonObject } from '../core/model/spec';
import { invalid } from '../core/validate';

/** The apiVersion of this Score version. */
export const SCORE_API_VERSION = 'score.dev/v1b1';

/**
 * The same version under the name it had before the spec moved to score.dev. score-humanitec's examples
 * (and the console's samples taken from them) say it; score-humanitec read them as v1b1, and so do we.
 */
export const LEGACY_SCORE_API_VERSION = 'score.sh/v1b1';

/** At most this many problems are listed in the message (all are in `details.errors`). */
const LISTED = 3;

/** One problem of a Score file. */
export interface ScoreProblem {
  /** Dotted path from the request, e.g. `spec.containers.main.image`. */
  field: string;
  message: string;
}

/** Dotted path of a JSON pointer under `spec`. */
function fieldOf(pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return ['spec', ...segments].join('.');
}

/** The problems of a Score file (none when it is valid). */
export function scoreProblems(spec: JsonObject): ScoreProblem[] {
  const checked =
    spec.apiVersion === LEGACY_SCORE_API_VERSION
      ? { ...spec, apiVersion: SCORE_API_VERSION }
      : spec;
  return validateJson(SCORE_V1B1_SCHEMA, checked).map((error) => {
    // A missing property and a refused name are named by their own path, not their parent's.
    const own =
      error.keyword === 'required'
        ? error.params.missingProperty
        : error.keyword === 'propertyNames'
          ? error.params.propertyName
          : undefined;
    const suffix =
      typeof own === 'string'
        ? `/${own.replace(/~/g, '~0').replace(/\//g, '~1')}`
        : '';
    return {
      field: fieldOf(`${error.instancePath}${suffix}`),
      message:
        error.instancePath === '/apiVersion' && error.keyword === 'pattern'
          ? `must be "${SCORE_API_VERSION}"`
          : error.message,
    };
  });
}

/** Refuses a Score file the schema does not accept, naming each field. */
export function assertValidScore(spec: JsonObject): void {
  const problems = scoreProblems(spec);
  if (problems.length === 0) return;
  const listed = problems
    .slice(0, LISTED)
    .map((p) => `\`${p.field}\` ${p.message}`)
    .join('; ');
  const more =
    problems.length > LISTED ? ` (and ${problems.length - LISTED} more)` : '';
  invalid(
    `The Score file is not valid ${SCORE_API_VERSION}: ${listed}${more}. Fix the file and convert it again.`,
    { field: problems[0].field, errors: problems },
  );
}
