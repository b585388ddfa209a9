import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import { attemptStartMs } from './logs';
import { backoffState } from './pods';
import {
  addDelta,
  bench,
  ORG,
  refusal,
  workload,
} from '../../fixtures/test-engine';
import { DEMO_TOKEN, createEngine } from '../../fixtures';

function demo() {
  const clock = createManualClock(Date.UTC(2026, 0, 15, 9));
  const engine = createEngine({ clock, ids: createSequentialIds('t') });
  const actor = engine.authenticate(DEMO_TOKEN);
  const logs = (app: string, env: string, w: string, c: string, options = {}) =>
    engine.getContainerLogs(actor, 'acme', app, env, w, c, options);
  return { clock, engine, actor, logs };
}

describe('container logs', () => {
  it('starts attempts on the same back-off schedule as the runtime restarts', () => {
    for (const elapsed of [
      0, 9_999, 10_000, 30_000, 309_999, 310_000, 3_600_000, 86_400_000,
    ]) {
      const { restarts, lastStartMs } = backoffState(elapsed);
      expect(attemptStartMs(restarts)).toBe(lastStartMs);
    }
  });

  it('logs every crash-loop attempt: as many as the restart count plus one', () => {
    const { engine, actor, logs } = demo();
    const page = logs('shop', 'staging', 'cart', 'cart', { limit: '8' });
    const pod = engine.getRuntime(actor, 'acme', 'shop', 'staging').modules.cart
      .controllers.cart.pods![0];
    expect(page.pod_name).toBe(pod.podName);
    expect(Number(page.next_cursor)).toBe(
      (pod.containerStatuses[0].restart_count + 1) * 4,
    );
    expect(page.lines.map((l) => [l.stream, l.text])).toEqual([
      ['stdout', 'Starting cart (registry.acme.dev/shop/cart:1.1.0-rc.1)'],
      ['stdout', 'Loaded 2 environment variables'],
      ['stderr', '+ /bin/sh -c ./cart --check-config || exit 1'],
      ['stderr', 'Process exited with status 1'],
      ['stdout', 'Starting cart (registry.acme.dev/shop/cart:1.1.0-rc.1)'],
      ['stdout', 'Loaded 2 environment variables'],
      ['stderr', '+ /bin/sh -c ./cart --check-config || exit 1'],
      ['stderr', 'Process exited with status 1'],
    ]);
  });

  it('shows the allocation that exceeds the memory limit', () => {
    const { logs } = demo();
    const texts = logs(
      'payments',
      'development',
      'ledger-worker',
      'ledger-worker',
      { limit: '4' },
    ).lines.map((l) => l.text);
    expect(texts).toContain('Allocating working set of 384Mi (limit 128Mi)');
    expect(texts.at(-1)).toMatch(/^fatal error: runtime: out of memory/);
  });

  it('has no lines but a notice for a container that never started', () => {
    const { logs } = demo();
    const pull = logs('shop', 'development', 'frontend', 'frontend');
    expect(pull.lines).toEqual([]);
    expect(pull.notice).toBe(
      'Container `frontend` has not started: ImagePullBackOff: Back-off pulling image "registry.acme.dev/shop/frontend:3.3.0-missing": manifest unknown.',
    );
    expect(
      logs('identity', 'development', 'auth-api', 'auth-api').notice,
    ).toContain(
      'CreateContainerConfigError: secret "missing-oidc-client-secret" not found',
    );
  });

  it('follows by cursor: the same lines again, then only new ones', () => {
    const { clock, logs } = demo();
    const first = logs('shop', 'production', 'api', 'api', { limit: '5' });
    expect(first.lines).toHaveLength(5);
    expect(first.lines.at(-1)!.cursor).toBe(
      String(Number(first.next_cursor) - 1),
    );
    expect(logs('shop', 'production', 'api', 'api', { limit: '5' })).toEqual(
      first,
    );
    expect(
      logs('shop', 'production', 'api', 'api', { since: first.next_cursor })
        .lines,
    ).toEqual([]);
    clock.advance(30_000);
    const next = logs('shop', 'production', 'api', 'api', {
      since: first.next_cursor,
    });
    expect(next.lines.length).toBeGreaterThanOrEqual(5);
    expect(next.lines[0].cursor).toBe(first.next_cursor);
    expect(
      next.lines.every((l) => /^(GET|POST) \/\S* \d{3} \d+ms$/.test(l.text)),
    ).toBe(true);
    const behind = logs('shop', 'production', 'api', 'api', {
      since: '0',
      limit: '3',
    });
    expect(behind.lines).toHaveLength(3);
    expect(behind.skipped).toBe(Number(behind.next_cursor) - 3);
  });

  it('chooses the pod; the flaky replica crashes while the others serve', () => {
    const { engine, actor, logs } = demo();
    const pods = engine.getRuntime(actor, 'acme', 'analytics', 'production')
      .modules.collector.controllers.collector.pods!;
    const crashing = logs('analytics', 'production', 'collector', 'collector', {
      pod: pods[0].podName,
      limit: '2',
    });
    expect(crashing.lines.at(-1)!.text).toBe('Process exited with status 1');
    const serving = logs('analytics', 'production', 'collector', 'collector', {
      pod: pods[1].podName,
      limit: '2',
    });
    expect(serving.lines.at(-1)!.stream).toBe('stdout');
    expect(serving.lines.at(-1)!.text).not.toMatch(/exited/);
  });

  it('completes a job, and has a notice while paused', () => {
    const { engine, actor, logs } = demo();
    expect(
      logs('payments', 'production', 'fraud-checker', 'fraud-checker').lines.at(
        -1,
      )!.text,
    ).toBe('Completed successfully');
    engine.setPaused(actor, 'acme', 'shop', 'production', true);
    const paused = logs('shop', 'production', 'api', 'api');
    expect([paused.lines, paused.notice]).toEqual([
      [],
      'No pod of workload `api` is running: Environment is paused.',
    ]);
  });

  it('refuses unknown workloads, containers, pods and bad cursors', () => {
    const { logs } = demo();
    expect(refusal(() => logs('shop', 'production', 'nope', 'api')).code).toBe(
      'not_found',
    );
    expect(refusal(() => logs('shop', 'production', 'api', 'nope')).code).toBe(
      'not_found',
    );
    expect(
      refusal(() => logs('shop', 'production', 'api', 'api', { pod: 'nope' }))
        .code,
    ).toBe('not_found');
    expect(
      refusal(() => logs('shop', 'production', 'api', 'api', { since: '-1' }))
        .code,
    ).toBe('invalid');
    expect(
      refusal(() => logs('shop', 'production', 'api', 'api', { limit: '5000' }))
        .code,
    ).toBe('invalid');
  });

  it('has a notice while the deployment rolls out', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
    });
    const page = b.engine.getContainerLogs(
      b.admin,
      ORG,
      'shop',
      'development',
      'api',
      'main',
    );
    expect(page.notice).toBe(
      'Container `main` has not started: ContainerCreating.',
    );
    b.clock.advance(10_000);
    expect(
      b.engine.getContainerLogs(
        b.admin,
        ORG,
        'shop',
        'development',
        'api',
        'main',
      ).lines[0].text,
    ).toBe('Starting api (reg/api:1)');
  });
});
