// Every bundle's compose.yaml against the Compose specification's JSON schema (shipped in compose-spec/, with its
// licence), and through `docker compose config` where Docker Compose is installed.
import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ORG } from '../../fixtures/test-engine';
import { localRunBench } from '../../fixtures/test-local-run';
import type { LocalRunBundle, LocalRunOptions } from './model';

const schema = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('./compose-spec/compose-spec.json', import.meta.url)),
    'utf8',
  ),
) as object;
// Its `$schema` is draft-07 under an https URI ajv does not know by that name: ajv's draft-07 is the same dialect.
const validate = new Ajv({
  strict: false,
  allErrors: true,
  validateSchema: false,
}).compile(schema);

const b = localRunBench();
const CASES: [string, LocalRunOptions][] = [
  ['every resource local', {}],
  ['every resource remote', { resources: 'remote' }],
  [
    'mixed, secrets included',
    { choices: { 'shared.db': 'remote' }, includeSecrets: true },
  ],
];
const bundles = CASES.map(([name, options]): [string, LocalRunBundle] => [
  name,
  b.engine.getLocalRun(b.admin, ORG, 'shop', 'development', 'api', options),
]);

/** Whether `docker compose` runs here, and why not. */
function dockerCompose():
  { available: true } | { available: false; why: string } {
  const probe = spawnSync('docker', ['compose', 'version'], {
    encoding: 'utf8',
  });
  if (probe.error)
    return {
      available: false,
      why: `docker is not installed (${probe.error.message})`,
    };
  if (probe.status !== 0)
    return {
      available: false,
      why: `\`docker compose version\` failed: ${(probe.stderr || probe.stdout).trim()}`,
    };
  return { available: true };
}

/** The bundle written to a new folder (as the CLI writes it); its path. */
function written(bundle: LocalRunBundle): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-run-'));
  for (const [name, file] of Object.entries(bundle.files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(file.content, file.encoding ?? 'utf8'));
  }
  return dir;
}

describe('compose.yaml of a local-run bundle', () => {
  it.each(bundles)(
    'validates against the Compose specification (%s)',
    (_name, bundle) => {
      const compose = parse(bundle.files['compose.yaml'].content) as unknown;
      const ok = validate(compose);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('the schema refuses what Compose refuses (the check can fail)', () => {
    const service = { image: 'a' };
    expect(validate({ services: { main: service } })).toBe(true);
    // A misspelt key, and a variable that is an object.
    expect(
      validate({ services: { main: { ...service, extra_host: ['x'] } } }),
    ).toBe(false);
    expect(
      validate({
        services: { main: { ...service, environment: { A: { b: 1 } } } },
      }),
    ).toBe(false);
  });

  it('passes `docker compose config` where Docker Compose is installed', () => {
    const docker = dockerCompose();
    if (!docker.available) {
      // Explicitly not run here: the schema checks above still ran.
      console.warn(
        `docker compose config not run: ${docker.why}. The Compose schema tests ran.`,
      );
      expect(docker.why).not.toBe('');
      return;
    }
    for (const [name, bundle] of bundles) {
      const dir = written(bundle);
      try {
        const run = spawnSync('docker', ['compose', 'config', '--quiet'], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(`${name}: ${run.status} ${run.stderr}`).toBe(`${name}: 0 `);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
