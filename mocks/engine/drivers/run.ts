/**
 * Running a driver, as a deployment does for each resource it provisions:
 * pure and deterministic (the same state, inputs, context and dependencies
 * give the same result), never throwing for what the inputs hold: a bad input
 * is the driver's error, with a message naming the field and a log.
 *
 * - A built-in checks its inputs against its schema, then simulates itself
 *   (builtins.ts).
 * - A custom driver is simulated from what it documents: its inputs are
 *   checked against its `inputs_schema` (a failing check is the driver's
 *   error) and its outputs are its inputs (values as values, secrets as
 *   secrets), as `humanitec/echo` does; a virtual driver
 *   (`driver://{org}/{driver}`) passes its inputs on to the driver it wraps
 *   (its Go template is not run).
 *
 * Secrets (inputs and outputs) never appear in the log or a message.
 */
import type { StateV1 } from '../core/state';
import type { DriverResult, DriverRun } from './inputs';
import { inputProblems } from './inputs';
import { findDriver } from './ops';

/** How deep virtual drivers may wrap each other. */
const MAX_VIRTUAL_DEPTH = 4;

/** Runs the driver `driverRef` (`humanitec/postgres`, `acme/mine`, or a bare id) of organisation `orgId`. */
export function runDriver(
  state: StateV1,
  orgId: string,
  driverRef: string,
  run: DriverRun,
): DriverResult {
  return runAt(state, orgId, driverRef, run, 0);
}

function runAt(
  state: StateV1,
  orgId: string,
  driverRef: string,
  run: DriverRun,
  depth: number,
): DriverResult {
  const log: string[] = [];
  const found = findDriver(state, orgId, driverRef);
  if (!found) {
    const message = `Driver \`${driverRef}\` does not exist for organisation \`${orgId}\` (GET /orgs/${orgId}/resources/drivers lists them).`;
    return { ok: false, message, log: [`Error: ${message}`] };
  }
  const name = `${found.definition.org_id}/${found.definition.id}`;
  log.push(`Driver ${name}${describe(run)}`);
  // The schema object itself, not the definition's copy: the validator keeps one compiled check per schema object.
  const schema =
    found.builtin?.definition.inputs_schema ?? found.record!.inputs_schema;
  const problems = inputProblems(schema, run.inputs);
  if (problems.length > 0) {
    const message = `The inputs of driver \`${name}\` do not match its schema: ${problems.join('; ')}.`;
    log.push(`Error: ${message}`);
    return { ok: false, message, log };
  }
  if (found.builtin) return found.builtin.run(run, log);

  const target = found.record!.target;
  const virtual = /^driver:\/\/(.+)$/.exec(target);
  if (virtual) {
    if (depth >= MAX_VIRTUAL_DEPTH) {
      const message = `Driver \`${name}\` wraps drivers more than ${MAX_VIRTUAL_DEPTH} deep; point it at a driver that runs itself.`;
      log.push(`Error: ${message}`);
      return { ok: false, message, log };
    }
    log.push(`Passing the inputs on to ${virtual[1]}`);
    const inner = runAt(state, orgId, virtual[1], run, depth + 1);
    return { ...inner, log: [...log, ...inner.log] };
  }
  log.push(
    `Calling ${target} (simulated): the inputs match the driver's schema; its outputs are its inputs`,
  );
  return {
    ok: true,
    outputs: {
      values: structuredClone(run.inputs.values ?? {}),
      secrets: structuredClone(run.inputs.secrets ?? {}),
    },
    log,
  };
}

/** ` for resource <id> of <app>/<env>`, from what the context gives. */
function describe(run: DriverRun): string {
  const { app, env, res } = run.context ?? {};
  const parts: string[] = [];
  if (res)
    parts.push(
      ` for resource ${res.id}${res.class ? ` (class ${res.class})` : ''}`,
    );
  if (app && env) parts.push(` in ${app.id}/${env.id}`);
  return parts.join('');
}
