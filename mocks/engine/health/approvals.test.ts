// "Nowhere shows that an approval is waiting" (walk 24): the organisation's needs-attention list begins with the
// pipeline runs that wait for the caller's approval, only for callers who may decide them (deploy rights on the
// environment's type in an app they read), and never for anyone else; a decided or cancelled approval leaves it.
import { describe, expect, it } from 'vitest';
import type { Actor, AppVisibility, Engine } from '../index';
import { createManualClock, createSequentialIds, DEMO_ORG_ID } from '../index';
import { createEngine, DEMO_TOKENS } from '../../fixtures';
import { mendShopDevelopment, T0 } from '../../fixtures/test-engine';

const ORG = DEMO_ORG_ID;

/** The demo organisation with a run of shop's seed pipeline waiting for its approval to deploy to staging. */
function waitingWorld(appVisibility?: AppVisibility) {
  const clock = createManualClock(T0);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('attn'),
    seed: 'demo',
    ...(appVisibility ? { appVisibility } : {}),
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  const before = engine.getOrgHealth(admin, ORG);
  mendShopDevelopment(engine, clock);
  const run = engine.requestDeployment(admin, ORG, 'shop', {
    trigger: 'deployment_request',
    env_id: 'development',
  });
  clock.advance(20_000);
  const [approval] = engine.listApprovals(admin, ORG, 'shop', {
    runId: run.id,
    status: 'waiting',
  });
  expect(approval).toMatchObject({ env_id: 'staging' });
  const serviceUser = (
    name: string,
    role: string,
    scope?: Record<string, unknown>,
  ) => {
    const user = engine.createServiceUser(admin, ORG, { name, role });
    return {
      id: user.id,
      actor: engine.authenticate(
        engine.createToken(admin, user.id, {
          id: 'attn',
          ...(scope ? { scope } : {}),
        }).token,
      ),
    };
  };
  return { engine, clock, admin, before, run, approval, serviceUser };
}

const approvalsOf = (engine: Engine, actor: Actor) =>
  engine
    .getOrgHealth(actor, ORG)
    .needs_attention.filter((item) => 'approval' in item);

describe('waiting approvals in what needs attention', () => {
  it('lists the run waiting for the caller first, naming the pipeline, where it deploys and the run', () => {
    const w = waitingWorld();
    const health = w.engine.getOrgHealth(w.admin, ORG);
    expect(w.before.needs_attention.some((i) => 'approval' in i)).toBe(false);
    expect(health.needs_attention[0]).toEqual({
      app_id: 'shop',
      app_name: 'Shop',
      env_id: 'staging',
      env_name: 'Staging',
      env_type: 'staging',
      summary:
        'A run of Deploy, test and promote to staging waits for your approval to deploy to shop / staging.',
      since: w.approval.created_at,
      approval: {
        id: w.approval.id,
        pipeline_id: w.approval.pipeline_id,
        pipeline_name: 'Deploy, test and promote to staging',
        run_id: w.run.id,
        job_id: w.approval.job_id,
        message: expect.stringContaining('staging') as string,
      },
    });
    // The environments follow as before: shop/staging's own failure (its cart crash-loops) is a row of its own.
    const rest = health.needs_attention.slice(1);
    expect(rest.every((i) => !('approval' in i))).toBe(true);
    expect(rest.map((i) => `${i.app_id}/${i.env_id}`)).toContain(
      'shop/staging',
    );
  });

  it('shows it to whoever may approve (Dana deploys to staging) and to no one else', () => {
    const w = waitingWorld();
    const dana = w.engine.authenticate(DEMO_TOKENS.developer);
    const vic = w.engine.authenticate(DEMO_TOKENS.viewer);
    expect(approvalsOf(w.engine, dana).map((i) => i.app_id)).toEqual(['shop']);
    // Vic reads every app but deploys nowhere; an administrator's read-only token decides nothing.
    expect(approvalsOf(w.engine, vic)).toEqual([]);
    const readOnly = w.serviceUser('Read-only admin', 'administrator', {
      read_only: true,
    });
    expect(approvalsOf(w.engine, readOnly.actor)).toEqual([]);
    // A token limited to other apps, or to other environment types, does not see it either.
    const otherApps = w.serviceUser('Payments admin', 'administrator', {
      apps: ['payments'],
    });
    expect(approvalsOf(w.engine, otherApps.actor)).toEqual([]);
    const devOnly = w.serviceUser('Development admin', 'administrator', {
      env_types: ['development'],
    });
    expect(approvalsOf(w.engine, devOnly.actor)).toEqual([]);
    // A member who may deploy to staging but has no role on shop reads nothing of shop, approvals included.
    const member = w.serviceUser('Staging deployer', 'member');
    w.engine.addEnvTypeUser(w.admin, ORG, 'staging', {
      id: member.id,
      role: 'deployer',
    });
    expect(approvalsOf(w.engine, member.actor)).toEqual([]);
    expect(w.engine.getOrgHealth(member.actor, ORG).needs_attention).toEqual(
      [],
    );
  });

  it('never widens reading: with every app readable, deciding still needs deploy rights', () => {
    const w = waitingWorld('organisation');
    expect(approvalsOf(w.engine, w.admin)).toHaveLength(1);
    const member = w.serviceUser('Reader', 'member');
    expect(
      w.engine
        .getOrgHealth(member.actor, ORG)
        .needs_attention.some((i) => i.app_id === 'shop'),
    ).toBe(true);
    expect(approvalsOf(w.engine, member.actor)).toEqual([]);
    expect(
      approvalsOf(w.engine, w.engine.authenticate(DEMO_TOKENS.viewer)),
    ).toEqual([]);
  });

  it('leaves the list once decided or cancelled', () => {
    const w = waitingWorld();
    const ids = {
      pipelineId: w.approval.pipeline_id,
      runId: w.run.id,
      jobId: w.approval.job_id,
      approvalId: w.approval.id,
    };
    w.engine.decideApproval(w.admin, ORG, 'shop', ids, false, 'not today');
    expect(approvalsOf(w.engine, w.admin)).toEqual([]);

    const again = w.engine.restartPipelineRun(
      w.admin,
      ORG,
      'shop',
      w.approval.pipeline_id,
      w.run.id,
    );
    w.clock.advance(20_000);
    expect(
      approvalsOf(w.engine, w.admin).map((i) => i.approval.run_id),
    ).toEqual([again.id]);
    w.engine.cancelPipelineRun(
      w.admin,
      ORG,
      'shop',
      w.approval.pipeline_id,
      again.id,
    );
    expect(approvalsOf(w.engine, w.admin)).toEqual([]);
  });

  it('pages the approval and the environment it deploys to as two rows, first page first', () => {
    const w = waitingWorld();
    const whole = w.engine.getOrgHealth(w.admin, ORG);
    const key = (i: (typeof whole.needs_attention)[number]) =>
      'approval' in i ? `approval ${i.approval.id}` : `${i.app_id}/${i.env_id}`;
    const rows: string[] = [];
    let page: string | undefined;
    do {
      const got = w.engine.getOrgHealthPage(w.admin, ORG, {
        perPage: 1,
        ...(page === undefined ? {} : { page }),
      });
      expect(got.health.total_needs_attention).toBe(
        whole.needs_attention.length,
      );
      rows.push(...got.health.needs_attention.map(key));
      page = got.next;
    } while (page !== undefined);
    expect(rows).toEqual(whole.needs_attention.map(key));
    expect(rows[0]).toBe(`approval ${w.approval.id}`);
    expect(rows).toContain('shop/staging');
  });
});
