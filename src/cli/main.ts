/**
 * The command-line client: `npm run cli -- <command>` or the
 * `platform-console` bin. Runs on the console's typed API client against the
 * engine's HTTP server (`npm run api`) or any Humanitec-compatible API.
 * Commands and exit codes: usage.ts.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ApiError } from '@/api/client';
import { createCliApi } from './api';
import { getArtefacts, push } from './artefacts';
import { getValues, setValue, unsetValue } from './values';
import {
  explainMatch,
  getActiveResources,
  getResourceDefinitions,
} from './resources';
import { clone, status } from './clone-status';
import { scoreDeploy } from './score';
import { runLocal } from './local-run';
import { getAgents, registerAgent } from './agents';
import { exportDeployment } from './gitops';
import {
  deploy,
  diff,
  get,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';
import {
  readStoredConfig,
  removeStoredConfig,
  resolveSettings,
  writeStoredConfig,
} from './config';
import type { OutputFormat } from './output';
import { USAGE } from './usage';

const OPTIONS = {
  'api-url': { type: 'string' },
  token: { type: 'string' },
  org: { type: 'string' },
  output: { type: 'string', short: 'o' },
  app: { type: 'string' },
  env: { type: 'string' },
  file: { type: 'string', short: 'f' },
  comment: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string' },
  class: { type: 'string' },
  res: { type: 'string' },
  workload: { type: 'string', multiple: true },
  context: { type: 'string' },
  commit: { type: 'string' },
  ref: { type: 'string' },
  digest: { type: 'string' },
  wait: { type: 'boolean' },
  secret: { type: 'boolean' },
  extensions: { type: 'string' },
  image: { type: 'string' },
  resources: { type: 'string' },
  resource: { type: 'string', multiple: true },
  'include-secrets': { type: 'boolean' },
  id: { type: 'string' },
  'key-file': { type: 'string' },
  deploy: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one command line; returns what to print on stdout / stderr and the exit code. Never exits the process. */
export async function run(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<CommandResult & { err: string }> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return {
      out: '',
      err: `${(error as Error).message}\nRun with --help for the commands and options.`,
      code: 2,
    };
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command)
    return { out: USAGE, err: '', code: values.help ? 0 : 2 };
  // run-local's and export's -o is the folder they write to, not an output format.
  const writesFiles = command === 'run-local' || command === 'export';
  const output = (
    writesFiles ? 'table' : (values.output ?? 'table')
  ) as OutputFormat;
  if (!['table', 'json', 'yaml'].includes(output))
    return {
      out: '',
      err: `--output must be table, json or yaml (not "${output}").`,
      code: 2,
    };
  const settings = resolveSettings(values, env);
  const ctx: CommandContext = {
    api: createCliApi(settings),
    settings,
    output,
    options: {
      ...values,
      includeSecrets: values['include-secrets'],
      keyFile: values['key-file'],
      ...(writesFiles ? { dir: values.output } : {}),
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  try {
    const result = await dispatch(ctx, command, rest, env);
    return { ...result, err: '' };
  } catch (error) {
    if (error instanceof UsageError)
      return {
        out: '',
        err: `${error.message}\nRun with --help for the commands and options.`,
        code: 2,
      };
    if (error instanceof ApiError) {
      const hint =
        error.status === 401
          ? ' Log in with `login --token <token>` or set HUMANITEC_TOKEN.'
          : '';
      return {
        out: '',
        err: `Error ${error.status || ''} (${error.body.error}): ${error.body.message}${hint}`.replace(
          'Error  (',
          'Error (',
        ),
        code: 3,
      };
    }
    throw error;
  }
}

async function dispatch(
  ctx: CommandContext,
  command: string,
  rest: string[],
  env: Record<string, string | undefined>,
) {
  switch (command) {
    case 'login': {
      if (!ctx.settings.token)
        throw new UsageError(
          'login needs --token <token> (or HUMANITEC_TOKEN).',
        );
      const user = await ctx.api.currentUser();
      const path = writeStoredConfig(
        {
          ...readStoredConfig(env),
          api_url: ctx.settings.apiUrl,
          token: ctx.settings.token,
          ...(ctx.settings.org ? { org: ctx.settings.org } : {}),
        },
        env,
      );
      return {
        code: 0,
        out: `Logged in to ${ctx.settings.apiUrl} as ${user.name ?? user.id}. Token stored in ${path} (readable by you only).`,
      };
    }
    case 'logout':
      removeStoredConfig(env);
      return { code: 0, out: 'Logged out: the stored token is removed.' };
    case 'get':
      if (rest[0] === 'values' || rest[0] === 'secrets')
        return getValues(ctx, rest[0], rest[1]);
      if (rest[0] === 'resource-definitions')
        return getResourceDefinitions(ctx);
      if (rest[0] === 'active-resources') return getActiveResources(ctx);
      if (rest[0] === 'agents') return getAgents(ctx);
      return rest[0] === 'artefacts' ? getArtefacts(ctx) : get(ctx, rest[0]);
    case 'explain-match':
      return explainMatch(ctx);
    case 'set':
      if (rest[0] !== 'value')
        throw new UsageError(
          'set what? Use: set value <org>/<app>[/<env>] KEY=VALUE [--secret].',
        );
      return setValue(ctx, rest[1], rest[2]);
    case 'unset':
      if (rest[0] !== 'value')
        throw new UsageError(
          'unset what? Use: unset value <org>/<app>[/<env>] KEY.',
        );
      return unsetValue(ctx, rest[1], rest[2]);
    case 'push':
      return push(ctx, rest);
    case 'deploy':
      return deploy(ctx);
    case 'diff':
      return diff(ctx, rest);
    case 'clone':
      return clone(ctx);
    case 'status':
      return status(ctx, rest);
    case 'score':
      return scoreDeploy(ctx, rest);
    case 'register':
      return registerAgent(ctx, rest[0]);
    case 'run-local':
      return runLocal(ctx, ctx.options.dir);
    case 'export':
      return exportDeployment(ctx, ctx.options.dir);
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run(process.argv.slice(2));
  if (result.out) process.stdout.write(`${result.out}\n`);
  if (result.err) process.stderr.write(`${result.err}\n`);
  process.exitCode = result.code;
}
