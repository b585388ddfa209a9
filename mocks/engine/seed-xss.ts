/**
 * The `xss` scenario: organisation `acme` with one app whose every
 * user-typed string is an HTML or script payload: the app and environment
 * names, deployment comments and delta names, workload variables, an image
 * that fails to pull (its name lands in the error message and the runtime
 * reason), a shared resource whose bad parameter lands in a deployment error,
 * and a workload profile whose description, titles, help and error messages
 * are payloads. Every payload calls `alert()`, which the end-to-end fixture
 * treats as a failure; the console must show them as text (e2e/xss.spec.ts).
 *
 * Written through the public engine API on a manual clock, like the demo seed.
 */
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_ORG_ID, DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import type { Actor, Engine, EngineState } from './engine-api';
import type { JsonObject } from './model';
import { midnightBefore } from './seed-script';
import { addShared, container, image, workload } from './seed-workloads';

/** The app of the scenario. */
export const XSS_APP = 'xss-lab';

/** The payloads, by where they are planted (the e2e test looks for them as text). */
export const XSS_PAYLOADS = {
  appName: '<img src=x onerror=alert("app")>Lab',
  envName: '<script>alert("env")</script>Stage',
  comment: '"><svg onload=alert("comment")>',
  deltaName: "<iframe src=javascript:alert('delta')>",
  variable: '<script>alert("variable")</script>',
  image: 'invalid.example/<img src=x onerror=alert("image")>:1',
  param: '<b onmouseover=alert("param")>9</b>',
  profileDescription: '<a href="javascript:alert(\'profile\')">Profile</a>',
  fieldTitle: '<img src=x onerror=alert("title")>Port',
  fieldHelp: '<svg><script>alert("help")</script></svg>',
} as const;

const SETTLE_MS = 60_000;

function deploy(engine: Engine, clock: ReturnType<typeof createManualClock>, actor: Actor, envId: string, delta: Parameters<Engine['createDelta']>[3]) {
  const created = engine.createDelta(actor, DEMO_ORG_ID, XSS_APP, { ...delta, metadata: { name: XSS_PAYLOADS.deltaName, env_id: envId } });
  const deployment = engine.createDeploy(actor, DEMO_ORG_ID, XSS_APP, envId, { delta_id: created.id, comment: XSS_PAYLOADS.comment });
  clock.advance(SETTLE_MS);
  return deployment.id;
}

const profileSchema: JsonObject = {
  type: 'object',
  properties: {
    port: {
      type: 'integer',
      title: XSS_PAYLOADS.fieldTitle,
      'x-console-help': XSS_PAYLOADS.fieldHelp,
      'x-console-errors': { type: XSS_PAYLOADS.fieldHelp },
    },
  },
};

/** Builds the `xss` state; history starts at midnight (UTC) the day before `now`. */
export function buildXssState(now: number): EngineState {
  const clock = createManualClock(midnightBefore(now, 1));
  const engine = createEngine({ clock, ids: createSequentialIds('xss'), seed: 'empty' });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  clock.advance(9 * 3_600_000);
  engine.createApp(admin, DEMO_ORG_ID, { id: XSS_APP, name: XSS_PAYLOADS.appName });
  const web = (tag: string, variable: string) =>
    workload([container('web', image(XSS_APP, 'web', tag), { variables: { GREETING: variable }, probePort: 8080 })], { port: 8080 });
  const first = deploy(engine, clock, admin, 'development', { modules: { add: { web: web('1.0.0', 'hello') } } });
  engine.createEnv(admin, DEMO_ORG_ID, XSS_APP, { id: 'stage', name: XSS_PAYLOADS.envName, type: 'development', from_deploy_id: first });
  deploy(engine, clock, admin, 'development', {
    modules: {
      update: { web: [{ op: 'replace', path: '/spec/containers/web/variables/GREETING', value: XSS_PAYLOADS.variable }] },
      add: { broken: workload([container('broken', XSS_PAYLOADS.image)]) },
    },
  });
  deploy(engine, clock, admin, 'stage', {
    shared: [addShared('/db', { type: 'postgres', params: { version: XSS_PAYLOADS.param } })],
  });
  engine.createProfile(admin, DEMO_ORG_ID, {
    id: 'xss-profile',
    description: XSS_PAYLOADS.profileDescription,
    spec_definition: { properties: { settings: { type: 'schema', title: XSS_PAYLOADS.fieldTitle, schema: profileSchema } } },
    workload_profile_chart: { id: 'default-module', version: '1.0.0' },
  });
  if (clock.now() > now) throw new Error('Seed: xss history ends after now');
  return engine.snapshot();
}
