/**
 * Health benchmark: `npx tsx e2e/bench/health-bench.ts`. Times the engine's
 * health model (organisation, app, environment), a deployment's steps and a
 * page of container logs on the demo seed and on the `large` scenario
 * (1,000 apps × 4 environments). Prints the mean of several runs per call.
 */
import {
  createManualClock,
  createSequentialIds,
} from '../../mocks/engine/index';
import {
  createEngine,
  DEMO_TOKEN,
  SCENARIOS,
} from '../../mocks/fixtures/index';

const NOW = Date.UTC(2026, 0, 15, 9);

function time(label: string, runs: number, call: () => unknown) {
  call();
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) call();
  console.log(
    `${label.padEnd(40)} ${((performance.now() - start) / runs).toFixed(1).padStart(8)} ms`,
  );
}

for (const name of ['demo', 'large']) {
  const engine = createEngine({
    clock: createManualClock(NOW),
    ids: createSequentialIds('b'),
    state: SCENARIOS[name].build(NOW),
  });
  const actor = engine.authenticate(DEMO_TOKEN);
  const org = engine.listOrgs(actor)[0].id;
  const app = engine.listApps(actor, org)[0];
  const env = app.envs[0].id;
  const deploy = engine.getEnv(actor, org, app.id, env).last_deploy;
  const runtime = engine.getRuntime(actor, org, app.id, env);
  const [workload, module] = Object.entries(runtime.modules)[0] ?? [];
  const container =
    module &&
    Object.values(module.controllers)[0]?.pods?.[0]?.containerStatuses[0]?.name;
  time(
    `${name}: getOrgHealth (${engine.listApps(actor, org).length} apps)`,
    name === 'large' ? 3 : 20,
    () => engine.getOrgHealth(actor, org),
  );
  time(`${name}: getAppHealth`, 20, () =>
    engine.getAppHealth(actor, org, app.id),
  );
  time(`${name}: getEnvHealth`, 50, () =>
    engine.getEnvHealth(actor, org, app.id, env),
  );
  if (deploy)
    time(`${name}: getDeploySteps`, 50, () =>
      engine.getDeploySteps(actor, org, app.id, env, deploy.id),
    );
  if (workload && container) {
    time(`${name}: getContainerLogs (200 lines)`, 50, () =>
      engine.getContainerLogs(actor, org, app.id, env, workload, container),
    );
  }
}
