/**
 * Parsing and checking pipeline definitions (YAML, Humanitec Pipelines v1
 * style, see pipelines/schema.ts for the JSON schema the console validates
 * with). Every problem is reported with its path, so the editor can point at
 * it; the engine refuses a definition with any problem (`invalid`, 400).
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { EngineError } from '../core/errors';
import type {
  JobDefinition,
  PipelineDefinition,
  PipelineInputDefinition,
  PipelineInputType,
  StepCondition,
  StepDefinition,
} from '../core/model/pipelines';

/** The actions steps may use (`actions/humanitec/<name>@v1`) and the `with` keys each requires. */
export const PIPELINE_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  log: ['message'],
  deploy: ['env_id'],
  'wait-for-ready': ['env_id'],
  'run-tests': ['env_id'],
  approve: ['env_id'],
  clone: ['from_env_id', 'env_id'],
  rollback: ['env_id'],
  http: ['url'],
  canary: ['env_id'],
};

/** The triggers a pipeline may declare under `on`. */
export const PIPELINE_TRIGGERS = [
  'deployment_request',
  'pipeline_call',
] as const;

/** Default `timeout-minutes` of a pipeline and of a job. */
export const DEFAULT_TIMEOUT_MINUTES = 60;

const USES = /^actions\/humanitec\/([a-z-]+)@v1$/;
const JOB_ID = /^[a-z0-9]([a-z0-9_-]{0,48}[a-z0-9])?$/;

interface Problem {
  path: string;
  message: string;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(problems: Problem[]): never {
  throw new EngineError(
    'invalid',
    `The pipeline definition is invalid: ${problems[0].path || '(root)'}: ${problems[0].message}`,
    {
      errors: problems.slice(0, 20),
    },
  );
}

function condition(
  raw: unknown,
  path: string,
  problems: Problem[],
): StepCondition {
  if (raw === undefined) return 'success';
  const text =
    typeof raw === 'string'
      ? raw.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim()
      : '';
  if (text === 'success()' || text === 'failure()' || text === 'always()') {
    return text.slice(0, -2) as StepCondition;
  }
  problems.push({
    path,
    message: 'must be `success()`, `failure()` or `always()`',
  });
  return 'success';
}

function timeout(raw: unknown, path: string, problems: Problem[]): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_MINUTES;
  if (typeof raw !== 'number' || !(raw > 0) || raw > 1440) {
    problems.push({
      path,
      message: 'must be a number of minutes above 0 and at most 1440',
    });
    return DEFAULT_TIMEOUT_MINUTES;
  }
  return raw;
}

const INPUT_TYPES: readonly PipelineInputType[] = [
  'string',
  'number',
  'boolean',
];
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The `pipeline_call` trigger's `inputs` (each `{type, description, required, default}`; type `string` by default). */
function parseInputs(
  trigger: unknown,
  problems: Problem[],
): PipelineInputDefinition[] {
  const base = '/on/pipeline_call';
  if (trigger === null || trigger === undefined) return [];
  if (!isMap(trigger)) {
    problems.push({ path: base, message: 'must be a mapping (or empty)' });
    return [];
  }
  const raw = trigger.inputs;
  if (raw === undefined || raw === null) return [];
  if (!isMap(raw)) {
    problems.push({
      path: `${base}/inputs`,
      message:
        'must map input names to `{type, description, required, default}`',
    });
    return [];
  }
  const inputs: PipelineInputDefinition[] = [];
  for (const [name, spec] of Object.entries(raw)) {
    const path = `${base}/inputs/${name}`;
    if (!INPUT_NAME.test(name)) {
      problems.push({
        path,
        message:
          'an input name is letters, digits and `_`, not starting with a digit',
      });
      continue;
    }
    const def = spec === null ? {} : spec;
    if (!isMap(def)) {
      problems.push({
        path,
        message: 'must be a mapping like `{type: string, required: true}`',
      });
      continue;
    }
    const type = def.type ?? 'string';
    if (!INPUT_TYPES.includes(type as PipelineInputType)) {
      problems.push({
        path: `${path}/type`,
        message: `must be ${INPUT_TYPES.join(', ')}`,
      });
      continue;
    }
    if (def.description !== undefined && typeof def.description !== 'string')
      problems.push({ path: `${path}/description`, message: 'must be text' });
    if (def.required !== undefined && typeof def.required !== 'boolean')
      problems.push({
        path: `${path}/required`,
        message: 'must be `true` or `false`',
      });
    if (def.default !== undefined && typeof def.default !== type)
      problems.push({ path: `${path}/default`, message: `must be a ${type}` });
    inputs.push({
      name,
      type: type as PipelineInputType,
      ...(typeof def.description === 'string'
        ? { description: def.description }
        : {}),
      required: def.required === true,
      ...(def.default !== undefined && typeof def.default === type
        ? { default: def.default as string | number | boolean }
        : {}),
    });
  }
  return inputs;
}

/**
 * The inputs of a `pipeline_call` run: declared ones checked (required, type)
 * and defaulted, undeclared ones refused; without declarations, any object
 * is taken as it is. Throws `invalid` naming the input.
 */
export function checkRunInputs(
  declared: readonly PipelineInputDefinition[],
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  if (declared.length === 0) return inputs;
  const names = declared.map((d) => `\`${d.name}\``).join(', ');
  for (const name of Object.keys(inputs)) {
    if (!declared.some((d) => d.name === name))
      throw new EngineError(
        'invalid',
        `Input \`${name}\` is not declared under \`on.pipeline_call.inputs\`; this pipeline takes ${names}.`,
        { input: name },
      );
  }
  const out: Record<string, unknown> = {};
  for (const d of declared) {
    const value = Object.hasOwn(inputs, d.name) ? inputs[d.name] : undefined;
    // Nothing, or only blanks: not given (a required input of spaces is not an answer).
    if (
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '')
    ) {
      if (d.default !== undefined) out[d.name] = d.default;
      else if (d.required)
        throw new EngineError(
          'invalid',
          `Input \`${d.name}\` is required${d.description ? ` (${d.description})` : ''}: pass it in \`inputs\`.`,
          { input: d.name },
        );
      continue;
    }
    if (
      typeof value !== d.type ||
      (d.type === 'number' && !Number.isFinite(value))
    )
      throw new EngineError(
        'invalid',
        `Input \`${d.name}\` must be a ${d.type}, not ${JSON.stringify(value)}.`,
        { input: d.name },
      );
    out[d.name] = value;
  }
  return out;
}

function parseStep(
  raw: unknown,
  path: string,
  problems: Problem[],
): StepDefinition | undefined {
  if (!isMap(raw)) {
    problems.push({ path, message: 'must be a mapping with `uses`' });
    return undefined;
  }
  const uses = raw.uses;
  const match = typeof uses === 'string' ? USES.exec(uses) : null;
  const action = match?.[1];
  if (!action || !Object.hasOwn(PIPELINE_ACTIONS, action)) {
    problems.push({
      path: `${path}/uses`,
      message: `must be one of ${Object.keys(PIPELINE_ACTIONS)
        .map((a) => `actions/humanitec/${a}@v1`)
        .join(', ')}`,
    });
    return undefined;
  }
  const withValue = raw.with ?? {};
  if (!isMap(withValue)) {
    problems.push({ path: `${path}/with`, message: 'must be a mapping' });
    return undefined;
  }
  for (const key of PIPELINE_ACTIONS[action]) {
    if (withValue[key] === undefined || withValue[key] === '') {
      problems.push({
        path: `${path}/with/${key}`,
        message: `is required by ${action}`,
      });
    }
  }
  if (raw.name !== undefined && typeof raw.name !== 'string') {
    problems.push({ path: `${path}/name`, message: 'must be a string' });
  }
  return {
    name: typeof raw.name === 'string' ? raw.name : action,
    uses: uses as string,
    action,
    with: withValue,
    if: condition(raw.if, `${path}/if`, problems),
  };
}

function parseJob(
  id: string,
  raw: unknown,
  problems: Problem[],
): JobDefinition | undefined {
  const path = `/jobs/${id}`;
  if (!JOB_ID.test(id))
    problems.push({
      path,
      message: 'job ids are lower-case letters, digits, `-` and `_`',
    });
  if (!isMap(raw)) {
    problems.push({ path, message: 'must be a mapping with `steps`' });
    return undefined;
  }
  const needs =
    raw.needs === undefined
      ? []
      : typeof raw.needs === 'string'
        ? [raw.needs]
        : raw.needs;
  if (!Array.isArray(needs) || !needs.every((n) => typeof n === 'string')) {
    problems.push({
      path: `${path}/needs`,
      message: 'must be a job id or a list of job ids',
    });
  }
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) {
    problems.push({
      path: `${path}/steps`,
      message: 'must be a non-empty list',
    });
    return undefined;
  }
  const steps = raw.steps.map((s, i) =>
    parseStep(s, `${path}/steps/${i}`, problems),
  );
  return {
    id,
    needs: Array.isArray(needs) ? (needs as string[]) : [],
    timeoutMinutes: timeout(
      raw['timeout-minutes'],
      `${path}/timeout-minutes`,
      problems,
    ),
    steps: steps.filter((s): s is StepDefinition => s !== undefined),
  };
}

function checkNeeds(jobs: JobDefinition[], problems: Problem[]): void {
  const ids = new Set(jobs.map((j) => j.id));
  for (const job of jobs) {
    for (const need of job.needs) {
      if (!ids.has(need))
        problems.push({
          path: `/jobs/${job.id}/needs`,
          message: `names no job \`${need}\``,
        });
    }
  }
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return true;
    if (state.get(id) === 'visiting') return false;
    state.set(id, 'visiting');
    const ok = (byId.get(id)?.needs ?? []).every(visit);
    state.set(id, 'done');
    return ok;
  };
  for (const job of jobs) {
    if (!visit(job.id)) {
      problems.push({
        path: `/jobs/${job.id}/needs`,
        message: 'the jobs depend on each other in a cycle',
      });
      return;
    }
  }
}

/** Parses YAML text into a pipeline definition; throws `invalid` listing every problem. */
export function parsePipeline(yamlText: string): PipelineDefinition {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` (line ${error.linePos[0].line})`
        : '';
    throw new EngineError(
      'invalid',
      `The pipeline definition is not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const problems: Problem[] = [];
  if (!isMap(doc))
    refuse([
      { path: '', message: 'must be a mapping with `name`, `on` and `jobs`' },
    ]);
  if (typeof doc.name !== 'string' || doc.name.trim() === '')
    problems.push({ path: '/name', message: 'is required' });
  if (
    doc.id !== undefined &&
    (typeof doc.id !== 'string' || !JOB_ID.test(doc.id))
  ) {
    problems.push({
      path: '/id',
      message: 'must be lower-case letters, digits, `-` and `_`',
    });
  }
  const on = doc.on;
  const triggers = isMap(on) ? Object.keys(on) : [];
  if (triggers.length === 0)
    problems.push({
      path: '/on',
      message: `needs a trigger: ${PIPELINE_TRIGGERS.join(' or ')}`,
    });
  for (const t of triggers) {
    if (!(PIPELINE_TRIGGERS as readonly string[]).includes(t))
      problems.push({ path: `/on/${t}`, message: 'is not a known trigger' });
  }
  const inputs =
    isMap(on) && Object.hasOwn(on, 'pipeline_call')
      ? parseInputs(on.pipeline_call, problems)
      : [];
  const jobsRaw = doc.jobs;
  if (!isMap(jobsRaw) || Object.keys(jobsRaw).length === 0)
    problems.push({ path: '/jobs', message: 'needs at least one job' });
  const jobs = isMap(jobsRaw)
    ? Object.entries(jobsRaw)
        .map(([id, job]) => parseJob(id, job, problems))
        .filter((j): j is JobDefinition => j !== undefined)
    : [];
  checkNeeds(jobs, problems);
  const metadata = isMap(doc.metadata) ? doc.metadata : {};
  if (problems.length > 0) refuse(problems);
  return {
    id: typeof doc.id === 'string' ? doc.id : undefined,
    name: (doc.name as string).trim(),
    triggers,
    inputs,
    timeoutMinutes: timeout(
      doc['timeout-minutes'],
      '/timeout-minutes',
      problems,
    ),
    metadata: Object.fromEntries(
      Object.entries(metadata).map(([k, v]) => [k, String(v)]),
    ),
    jobs,
  };
}

/** A pipeline id from its name: lower case, non-alphanumerics to `-`. */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug === '' ? 'pipeline' : slug;
}

/** Replaces `${{ inputs.<name> }}` in strings (deeply) with the run's inputs (missing ones become ''). */
export function resolveInputs(
  value: unknown,
  inputs: Record<string, unknown>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\{\{\s*inputs\.([A-Za-z0-9_]+)\s*\}\}/g,
      (_, name: string) => {
        const v = inputs[name];
        return v === undefined || v === null ? '' : String(v);
      },
    );
  }
  if (Array.isArray(value)) return value.map((v) => resolveInputs(v, inputs));
  if (isMap(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveInputs(v, inputs)]),
    );
  return value;
}
