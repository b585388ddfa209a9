/**
 * One verdict (issue 18): for every example of the gallery and every profile
 * the engine serves, and for generated data (valid and invalid, derived from
 * the schema), the workload form's errors and the engine's errors name the
 * same fields (JSON pointers) with the same messages.
 *
 * The form: the RJSF validator the form uses (`validatorFor`), asked as the
 * form asks it (on submit with the root schema, while typing with the schema
 * RJSF resolved for the data), over the data as the form holds it, with the
 * uiSchema the form renders with; its error tree read back as pointers. The
 * preview's Valid/Invalid badge is checked against it too. The engine: the
 * data the form submits (values hidden by a condition left out) applied to a
 * deployment set, as "Review changes" does; its refusal's `details.errors`.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { retrieveSchema } from '@rjsf/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '@/components/editors/schema-validator';
import { withFieldTitles } from '@/lib/json-schema/labels';
import {
  escapeSegment,
  isObject,
  type SchemaObject,
} from '@/lib/json-schema/pointer';
import { consoleSchemaValidator } from '@/lib/json-schema/schema-validator';
import { validateJson } from '@/lib/json-schema/validate';
import { compileAnnotations } from '@/lib/schema-annotations';
import { pruneHiddenValues } from '@/lib/schema-prune';
import { schemaArbitrary } from '@/testing/schema-arbitrary';
import {
  createManualClock,
  createSequentialIds,
} from '../../../../mocks/engine/core/clock';
import { EngineError } from '../../../../mocks/engine/core/errors';
import { createEngine, DEMO_TOKENS } from '../../../../mocks/fixtures';
import { T0 } from '../../../../mocks/fixtures/test-engine';
import { GALLERY } from './gallery';
import { specDefinitionFromDocument } from './profile-document';

const ORG = 'acme';
const APP = 'agreement';
const RUNS = Number(process.env.AGREEMENT_RUNS ?? 60);

function setup() {
  const engine = createEngine({
    clock: createManualClock(T0),
    ids: createSequentialIds('t'),
    seed: 'empty',
    schemaValidator: consoleSchemaValidator,
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  engine.createApp(admin, ORG, { id: APP, name: 'Agreement' });
  return { engine, admin };
}

type Engine = ReturnType<typeof setup>['engine'];
type Actor = ReturnType<typeof setup>['admin'];

/** Each problem as `pointer: message`, sorted. */
const lines = (problems: { path: string; message: string }[]) =>
  problems.map((p) => `${p.path || '(spec)'}: ${p.message}`).sort();

/** The pointers and messages of an RJSF error schema. */
function treeProblems(
  tree: unknown,
  at = '',
): { path: string; message: string }[] {
  if (!isObject(tree)) return [];
  const out: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (key === '__errors' && Array.isArray(value))
      for (const message of value)
        out.push({ path: at, message: String(message) });
    else out.push(...treeProblems(value, `${at}/${escapeSegment(key)}`));
  }
  return out;
}

/** What the form shows for `data`: on submit, and while typing (RJSF's resolved schema). */
function formProblems(schema: SchemaObject, data: unknown) {
  const validator = validatorFor(schema as RJSFSchema);
  const uiSchema = withFieldTitles(
    schema,
    compileAnnotations(schema).uiSchema,
  ) as UiSchema;
  const submit = validator.validateFormData(
    data,
    schema as RJSFSchema,
    undefined,
    undefined,
    uiSchema,
  );
  const resolved = retrieveSchema(
    validator,
    schema as RJSFSchema,
    schema as RJSFSchema,
    data,
  );
  const live = validator.validateFormData(
    data,
    resolved,
    undefined,
    undefined,
    uiSchema,
  );
  return {
    submit: treeProblems(submit.errorSchema),
    live: treeProblems(live.errorSchema),
  };
}

/** What the engine says when the data the form submits is applied to a set. */
function engineProblems(
  engine: Engine,
  admin: Actor,
  profile: string,
  spec: unknown,
) {
  try {
    engine.applyDelta(admin, ORG, APP, '0', {
      modules: { add: { w: { profile, spec: spec as never, externals: {} } } },
    });
    return [];
  } catch (error) {
    if (!(error instanceof EngineError) || error.code !== 'invalid')
      throw error;
    const errors = (error.details?.errors ?? []) as {
      path: string;
      message: string;
      keyword?: string;
    }[];
    // Whether a resource reference resolves depends on the environment, not on the schema: the form cannot know it.
    return errors
      .filter((e) => e.keyword !== 'resource-ref')
      .map(({ path, message }) => ({ path, message }));
  }
}

function agree(
  engine: Engine,
  admin: Actor,
  profile: string,
  schema: SchemaObject,
) {
  fc.assert(
    fc.property(schemaArbitrary(schema).filter(isObject), (data) => {
      const form = formProblems(schema, data);
      const submitted = pruneHiddenValues(schema, data);
      const engineSays = lines(
        engineProblems(engine, admin, profile, submitted),
      );
      expect(lines(form.submit)).toEqual(engineSays);
      expect(lines(form.live)).toEqual(engineSays);
      // The preview's badge: Valid exactly when the engine accepts.
      expect(validateJson(schema, submitted).length === 0).toBe(
        engineSays.length === 0,
      );
    }),
    { numRuns: RUNS },
  );
}

describe('the form and the engine say the same thing (property)', () => {
  const { engine, admin } = setup();

  for (const example of GALLERY) {
    it(`gallery example "${example.id}"`, async () => {
      const { document } = await example.load();
      const created = engine.createProfile(admin, ORG, {
        id: `ex-${example.id}`,
        description: example.title,
        spec_definition: specDefinitionFromDocument(document) as never,
        workload_profile_chart: {
          id: 'humanitec/default-module',
          version: '1.0.0',
        },
      });
      agree(
        engine,
        admin,
        `${ORG}/${created.id}`,
        created.spec_schema as SchemaObject,
      );
    }, 60_000);
  }

  for (const qid of [
    'humanitec/default-module',
    'humanitec/default-job',
    'humanitec/default-cronjob',
  ]) {
    it(`built-in profile ${qid}`, () => {
      const profile = engine
        .listProfiles(admin, ORG)
        .find((p) => `${p.org_id}/${p.id}` === qid);
      expect(profile).toBeDefined();
      agree(engine, admin, qid, profile!.spec_schema as SchemaObject);
    }, 60_000);
  }
});
