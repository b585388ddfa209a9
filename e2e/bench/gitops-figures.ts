/**
 * The Operator / GitOps figures of the engine bench (issue 21): rendering and
 * validating the export of a 500-workload deployment (renderManifests +
 * validateManifests, what a deployment of an operator or GitOps environment
 * runs), and committing such an export to a git repository with the
 * repository port of `npm run api -- --gitops-dir` (isomorphic-git on Node's
 * fs, in a temporary directory); each commit rewrites every file (the labels
 * name the deployment), the worst case.
 */
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  manifestFile,
  renderManifests,
  toYamlStream,
  validateManifests,
  type Manifest,
  type Module,
  type RenderInput,
} from '../../mocks/engine/index';
import { gitopsRepository } from '../../mocks/gitops/repository';

/** Rendering and validating the export of 500 workloads, median ms. */
export const BUDGET_EXPORT_RENDER_MS = 200;
/** Committing that export (500 files and more) to the repository, median ms. */
export const BUDGET_EXPORT_COMMIT_MS = 500;

const WORKLOADS = 500;

function module(i: number): Module {
  const name = `svc-${String(i).padStart(3, '0')}`;
  return {
    profile: 'humanitec/default-module',
    spec: {
      containers: {
        [name]: {
          id: name,
          image: `registry.example.com/team-${i % 7}/${name}:1.${i % 40}.${i % 9}`,
          variables: Object.fromEntries(
            Array.from({ length: 15 }, (_, v) => [
              `VAR_${v}`,
              `value-${name}-${v}`,
            ]),
          ),
          resources: {
            limits: { cpu: '500m', memory: '512Mi' },
            requests: { cpu: '100m', memory: '128Mi' },
          },
        },
      },
      replicas: 1 + (i % 3),
    },
    externals: {
      [`db-${i % 3}`]: { type: 'postgres', params: { size: 'small' } },
    },
  };
}

/** The render input of a 500-workload deployment with 20 shared resources. */
export function exportInput(deployId: string): RenderInput {
  const modules = Object.fromEntries(
    Array.from({ length: WORKLOADS }, (_, i) => [
      `svc-${String(i).padStart(3, '0')}`,
      module(i),
    ]),
  );
  const resources = Array.from({ length: 20 }, (_, i) => ({
    res_id: `shared.db-${i}`,
    type: 'postgres',
    class: 'default',
    def_id: `pg-${i % 4}`,
    driver_type: 'humanitec/postgres',
    values: { version: '16', instance: `inst-${i % 4}` },
    secretKeys: ['password'],
    secretPath: `orgs/bench/resources/defs/pg-${i % 4}`,
  }));
  return {
    orgId: 'bench',
    appId: 'shop',
    envId: 'preview',
    deployId,
    setId: `set-${deployId}`,
    namespace: 'shop-preview',
    secretStore: 'humanitec',
    modules,
    replicas: {},
    resources,
    definitions: Array.from({ length: 4 }, (_, i) => ({
      id: `pg-${i}`,
      version_id: `v${i}`,
      type: 'postgres',
      driver_type: 'humanitec/postgres',
      values: { version: '16', instance: `inst-${i}` },
      secretKeys: ['password'],
      secretPath: `orgs/bench/resources/defs/pg-${i}`,
      criteria: [{ class: 'default' }],
    })),
  };
}

/** Renders and validates an export; throws when it is not valid (a bench of a wrong answer is worthless). */
export function renderAndValidate(input: RenderInput): Manifest[] {
  const manifests = renderManifests(input);
  const problems = validateManifests(manifests);
  if (problems.length > 0)
    throw new Error(
      `the bench export is invalid: ${JSON.stringify(problems[0])}`,
    );
  return manifests;
}

const median = (values: number[]) => {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Median ms of the render + validation and of the commit, with what they worked on. */
export async function gitopsFigures(): Promise<{
  render: number;
  commit: number;
  objects: number;
  bytes: number;
  runs: number;
}> {
  const input = exportInput('d0');
  for (let i = 0; i < 3; i++) renderAndValidate(input);
  const renders: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    renderAndValidate(exportInput(`r${i}`));
    renders.push(performance.now() - start);
  }
  const dir = mkdtempSync(join(tmpdir(), 'gitops-bench-'));
  try {
    const repo = gitopsRepository(fs, dir, `file://${dir}`);
    const commits: number[] = [];
    let objects = 0;
    let bytes = 0;
    for (let i = 0; i < 8; i++) {
      const manifests = renderAndValidate(exportInput(`c${i}`));
      objects = manifests.length;
      bytes = toYamlStream(manifests).length;
      const files = Object.fromEntries(
        manifests.map((m) => [manifestFile(m), toYamlStream([m]).slice(4)]),
      );
      const start = performance.now();
      await repo.commit({
        orgId: 'bench',
        appId: 'shop',
        envId: 'preview',
        deployId: `c${i}`,
        authorId: 'bench',
        authorName: 'Bench',
        authorEmail: 'bench@example.com',
        message: `Bench ${i}\n\nDeployment: c${i}\n`,
        atMs: Date.UTC(2026, 0, 1) + i * 1000,
        folder: 'bench/shop/preview',
        files,
      });
      // The first commit adds every file (the repository's creation); the rest rewrite them all.
      if (i > 0) commits.push(performance.now() - start);
    }
    return {
      render: median(renders),
      commit: median(commits),
      objects,
      bytes,
      runs: commits.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
