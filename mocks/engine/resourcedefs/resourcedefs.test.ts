import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import type { OrgResourceDefsRecord } from '../core/model/resourcedefs';
import type { StateV1 } from '../core/state';
import { createEngine } from '../../fixtures/demo-engine';
import {
  ORG,
  T0,
  refusal,
  shopBench,
  type Bench,
} from '../../fixtures/test-engine';
import {
  indexDefinitions,
  matchResource,
  matchWith,
  noMatchingDefinitionError,
  recordActiveResource,
  resourceUsage,
} from '.';

const PLANTED = 'planted-def-secret-4b1d';

/** A bench with environments development (type development) and production, and two postgres definitions. */
function defsBench(): Bench {
  const b = shopBench();
  b.engine.createEnv(b.admin, ORG, 'shop', {
    id: 'production',
    name: 'Prod',
    type: 'production',
  });
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'postgres-dev',
    name: 'Postgres (dev)',
    type: 'postgres',
    driver_type: 'humanitec/postgres',
    driver_inputs: {
      values: { version: '16' },
      secrets: { password: PLANTED },
    },
    criteria: [{ env_type: 'development' }],
  });
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'postgres-prod',
    name: 'Postgres (prod)',
    type: 'postgres',
    driver_type: 'humanitec/postgres',
    criteria: [{ env_type: 'production' }],
  });
  return b;
}

function stateOf(b: Bench): StateV1 {
  return b.engine.snapshot() as StateV1;
}

const AT_DEV = {
  type: 'postgres',
  res_id: 'shared.db',
  app_id: 'shop',
  env_id: 'development',
  env_type: 'development',
};

describe('resource definitions', () => {
  it('are created, read, listed, changed and deleted; secret inputs are never returned', () => {
    const { engine, admin, dev } = defsBench();
    const def = engine.getResourceDefinition(dev, ORG, 'postgres-dev');
    expect(def).toMatchObject({
      org_id: ORG,
      id: 'postgres-dev',
      name: 'Postgres (dev)',
      type: 'postgres',
      driver_type: 'humanitec/postgres',
      driver_inputs: {
        values: { version: '16' },
        secret_refs: {
          password: {
            store: 'humanitec',
            ref: expect.stringMatching(/postgres-dev.*password$/) as string,
          },
        },
      },
      criteria: [{ env_type: 'development', class: 'default' }],
      is_default: false,
      is_deleted: false,
      in_place_driver_change: false,
    });
    expect(JSON.stringify(def)).not.toContain(PLANTED);
    expect(def).not.toHaveProperty('driver_inputs.secrets');
    expect(engine.listResourceDefinitions(dev, ORG).map((d) => d.id)).toEqual([
      'postgres-dev',
      'postgres-prod',
    ]);
    expect(
      engine
        .listResourceDefinitions(dev, ORG, { env_type: 'production' })
        .map((d) => d.id),
    ).toEqual(['postgres-prod']);
    const patched = engine.patchResourceDefinition(admin, ORG, 'postgres-dev', {
      driver_inputs: { values: { port: 5433 } },
    });
    expect(patched.driver_inputs.values).toEqual({ version: '16', port: 5433 });
    // PATCH keeps the secret; PUT replaces everything (no secret given: none kept).
    expect(patched.driver_inputs.secret_refs).toHaveProperty('password');
    const put = engine.updateResourceDefinition(admin, ORG, 'postgres-dev', {
      name: 'Postgres',
    });
    expect(put).toMatchObject({
      name: 'Postgres',
      driver_type: 'humanitec/postgres',
      driver_inputs: { values: {}, secret_refs: {} },
    });
    expect(
      refusal(() =>
        engine.createResourceDefinition(admin, ORG, {
          id: 'postgres-dev',
          name: 'x',
          type: 'postgres',
          driver_type: 'humanitec/echo',
        }),
      ).code,
    ).toBe('conflict');
    expect(
      refusal(() =>
        engine.createResourceDefinition(admin, ORG, {
          id: 'nope',
          name: 'x',
          type: 'no-such-type',
          driver_type: 'humanitec/echo',
        }),
      ).message,
    ).toMatch(/Resource type `no-such-type` does not exist/);
    // The spec's pattern for a definition id takes 3 characters or more (its path too): said as such.
    expect(
      refusal(() =>
        engine.createResourceDefinition(admin, ORG, {
          id: 'pg',
          name: 'x',
          type: 'postgres',
          driver_type: 'humanitec/echo',
        }),
      ).message,
    ).toMatch(/^Resource definition id "pg" is not valid: use 3 to 63 /);
    engine.deleteResourceDefinition(admin, ORG, 'postgres-dev');
    expect(
      refusal(() => engine.getResourceDefinition(dev, ORG, 'postgres-dev'))
        .code,
    ).toBe('not_found');
    // The secret input went with it.
    expect(JSON.stringify(engine.snapshot())).not.toContain(PLANTED);
  });

  it('keeps secret inputs in the write-only store, out of every answer', () => {
    const b = defsBench();
    const state = stateOf(b);
    expect(Object.values(state.orgs[ORG].resourceDefs!.secrets)).toEqual([
      { password: PLANTED },
    ]);
    const answers = [
      b.engine.listResourceDefinitions(b.dev, ORG),
      b.engine.listResourceDefinitionVersions(b.dev, ORG, 'postgres-dev'),
      b.engine.explainResourceMatch(b.dev, ORG, {
        type: 'postgres',
        res_id: 'shared.db',
        app_id: 'shop',
        env_id: 'development',
      }),
    ];
    expect(JSON.stringify(answers)).not.toContain(PLANTED);
  });

  it('may be changed by administrators and managers only; members read them', () => {
    const { engine, dev, viewer } = defsBench();
    expect(
      refusal(() =>
        engine.patchResourceDefinition(dev, ORG, 'postgres-dev', { name: 'x' }),
      ).code,
    ).toBe('forbidden');
    expect(engine.listResourceClasses(viewer, ORG)).toEqual([]);
    expect(engine.getResourceDefinition(viewer, ORG, 'postgres-prod').id).toBe(
      'postgres-prod',
    );
  });
});

describe('drivers and accounts of definitions', () => {
  it('refuses an unknown driver or account, and tells other domains which definitions use a driver', () => {
    const b = defsBench();
    const body = { id: 'xx1', name: 'x', type: 'redis' };
    expect(
      refusal(() =>
        b.engine.createResourceDefinition(b.admin, ORG, {
          ...body,
          driver_type: 'acme/nope',
        }),
      ).message,
    ).toMatch(/Driver `acme\/nope` does not exist/);
    expect(
      refusal(() =>
        b.engine.createResourceDefinition(b.admin, ORG, {
          ...body,
          driver_type: 'humanitec/echo',
          driver_account: 'no-account',
        }),
      ).message,
    ).toMatch(/Resource account `no-account` does not exist/);
    const used = resourceUsage(stateOf(b), ORG, {
      kind: 'driver',
      driverType: 'humanitec/postgres',
    });
    expect(
      (used.resource_definitions as { id: string }[]).map((d) => d.id),
    ).toEqual(['postgres-dev', 'postgres-prod']);
    expect(
      resourceUsage(stateOf(b), ORG, { kind: 'type', type: 'redis' })
        .resource_definitions,
    ).toEqual([]);
  });
});

describe('definition versions', () => {
  it('are made by every change; promote makes an older one active; an archived one cannot be promoted', () => {
    const { engine, admin, dev } = defsBench();
    const first = engine.getResourceDefinition(dev, ORG, 'postgres-dev');
    engine.patchResourceDefinition(admin, ORG, 'postgres-dev', {
      driver_inputs: { values: { version: '17' } },
    });
    const proposed = engine.patchResourceDefinition(
      admin,
      ORG,
      'postgres-dev',
      {
        name: 'Postgres 18',
        proposed: true,
      },
    );
    // A proposed version is not active: the definition still shows the second.
    expect(proposed.name).toBe('Postgres (dev)');
    const { items } = engine.listResourceDefinitionVersions(
      dev,
      ORG,
      'postgres-dev',
    );
    expect(items.map((v) => [v.action, v.active, v.proposed])).toEqual([
      ['updated', false, true],
      ['updated', true, false],
      ['created', false, false],
    ]);
    expect(items[2].id).toBe(first.active_version_id);
    expect(JSON.stringify(items)).not.toContain(PLANTED);
    engine.promoteResourceDefinitionVersion(
      admin,
      ORG,
      'postgres-dev',
      first.active_version_id,
    );
    const back = engine.getResourceDefinition(dev, ORG, 'postgres-dev');
    expect(back.active_version_id).toBe(first.active_version_id);
    expect(back.driver_inputs.values).toEqual({ version: '16' });
    // Matching uses the active version.
    expect(
      matchResource(stateOf({ engine } as Bench), ORG, AT_DEV).winner
        ?.def_version_id,
    ).toBe(first.active_version_id);
    // The active version cannot be archived; another can, and then not be promoted.
    expect(
      refusal(() =>
        engine.archiveResourceDefinitionVersion(
          admin,
          ORG,
          'postgres-dev',
          first.active_version_id,
          {},
        ),
      ).message,
    ).toMatch(/promote another version before archiving it/);
    engine.archiveResourceDefinitionVersion(
      admin,
      ORG,
      'postgres-dev',
      items[0].id,
      { archived: true },
    );
    expect(
      engine.getResourceDefinitionVersion(
        dev,
        ORG,
        'postgres-dev',
        items[0].id,
      ),
    ).toMatchObject({ archived: true, proposed: false });
    const archived = refusal(() =>
      engine.promoteResourceDefinitionVersion(
        admin,
        ORG,
        'postgres-dev',
        items[0].id,
      ),
    );
    expect(archived.code).toBe('invalid');
    expect(archived.message).toMatch(
      /is archived and cannot be promoted; unarchive it first/,
    );
    engine.archiveResourceDefinitionVersion(
      admin,
      ORG,
      'postgres-dev',
      items[0].id,
      { archived: false },
    );
    engine.promoteResourceDefinitionVersion(
      admin,
      ORG,
      'postgres-dev',
      items[0].id,
    );
    expect(engine.getResourceDefinition(dev, ORG, 'postgres-dev').name).toBe(
      'Postgres 18',
    );
    expect(
      refusal(() =>
        engine.getResourceDefinitionVersion(dev, ORG, 'postgres-dev', 'nope'),
      ).code,
    ).toBe('not_found');
  });

  it('are listed a page at a time, newest first', () => {
    const { engine, admin, dev } = defsBench();
    for (let i = 0; i < 4; i += 1)
      engine.patchResourceDefinition(admin, ORG, 'postgres-prod', {
        name: `P${i}`,
      });
    const one = engine.listResourceDefinitionVersions(
      dev,
      ORG,
      'postgres-prod',
      { perPage: 2 },
    );
    expect(one.items.map((v) => v.name)).toEqual(['P3', 'P2']);
    const two = engine.listResourceDefinitionVersions(
      dev,
      ORG,
      'postgres-prod',
      { perPage: 2, page: one.next },
    );
    expect(two.items.map((v) => v.name)).toEqual(['P1', 'P0']);
    const three = engine.listResourceDefinitionVersions(
      dev,
      ORG,
      'postgres-prod',
      { perPage: 2, page: two.next },
    );
    expect(three.items.map((v) => v.name)).toEqual(['Postgres (prod)']);
    expect(three.next).toBeUndefined();
  });
});

describe('criteria', () => {
  it('are added, replaced and deleted; a rule is refused twice per type; ids are checked', () => {
    const { engine, admin, dev } = defsBench();
    const added = engine.createResourceDefinitionCriteria(
      admin,
      ORG,
      'postgres-dev',
      {
        app_id: 'shop',
        env_type: 'development',
      },
    );
    expect(added).toEqual({
      id: expect.any(String) as string,
      app_id: 'shop',
      env_type: 'development',
      class: 'default',
    });
    const dup = refusal(() =>
      engine.createResourceDefinitionCriteria(admin, ORG, 'postgres-prod', {
        env_type: 'development',
      }),
    );
    expect(dup.code).toBe('conflict');
    expect(dup.message).toMatch(
      /`postgres-dev` of type `postgres` already has the criteria \{env_type: development, class: default\}/,
    );
    expect(
      refusal(() =>
        engine.createResourceDefinitionCriteria(admin, ORG, 'postgres-dev', {
          app_id: 'Not An Id',
        }),
      ).code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        engine.createResourceDefinitionCriteria(admin, ORG, 'postgres-dev', {
          class: 'large',
        }),
      ).message,
    ).toMatch(/class `large` does not exist for type `postgres`/);
    const replaced = engine.updateResourceDefinitionCriteria(
      admin,
      ORG,
      'postgres-dev',
      [
        { env_type: 'development' },
        { env_id: 'development', res_id: 'shared.db' },
      ],
    );
    // The rule kept as it was keeps its id.
    const before = engine.getResourceDefinition(dev, ORG, 'postgres-dev');
    expect(replaced.map((c) => c.id)).toEqual(before.criteria.map((c) => c.id));
    expect(replaced[1]).toMatchObject({
      env_id: 'development',
      res_id: 'shared.db',
    });
    expect(
      refusal(() =>
        engine.updateResourceDefinitionCriteria(admin, ORG, 'postgres-dev', [
          { env_type: 'x' },
          { env_type: 'x' },
        ]),
      ).message,
    ).toMatch(/Criteria 1 and 2 are the same rule/);
    engine.deleteResourceDefinitionCriteria(
      admin,
      ORG,
      'postgres-dev',
      replaced[1].id,
    );
    expect(
      engine.getResourceDefinition(dev, ORG, 'postgres-dev').criteria,
    ).toHaveLength(1);
    expect(
      refusal(() =>
        engine.deleteResourceDefinitionCriteria(
          admin,
          ORG,
          'postgres-dev',
          'nope',
        ),
      ).code,
    ).toBe('not_found');
  });

  it('refuses deleting a definition or a criteria active resources use, unless forced, listing where they would go', () => {
    const b = defsBench();
    const state = stateOf(b);
    const version = b.engine.getResourceDefinition(
      b.admin,
      ORG,
      'postgres-dev',
    ).active_version_id;
    recordActiveResource(state, ORG, {
      org_id: ORG,
      app_id: 'shop',
      env_id: 'development',
      env_type: 'development',
      res_id: 'shared.db',
      type: 'postgres',
      class: 'default',
      def_id: 'postgres-dev',
      def_version_id: version,
      driver_type: 'humanitec/postgres',
      status: 'active',
      resource: { host: 'db' },
      secret_refs: {},
      updated_at: new Date(T0).toISOString(),
      deploy_id: 'd1',
      gu_res_id: 'g1',
      scheduled_deletion: false,
    });
    const engine = createEngine({
      clock: createManualClock(T0),
      ids: createSequentialIds('t2'),
      seed: 'empty',
      state,
    });
    const admin = b.admin;
    const criteriaId = engine.getResourceDefinition(admin, ORG, 'postgres-dev')
      .criteria[0].id;
    const refused = refusal(() =>
      engine.deleteResourceDefinitionCriteria(
        admin,
        ORG,
        'postgres-dev',
        criteriaId,
      ),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.details?.changes).toEqual([
      {
        app_id: 'shop',
        env_id: 'development',
        res_id: 'shared.db',
        from_def: 'postgres-dev',
        to_def: '',
      },
    ]);
    const inUse = refusal(() =>
      engine.deleteResourceDefinition(admin, ORG, 'postgres-dev'),
    );
    expect(inUse.message).toMatch(
      /provisions an active resource: `shared.db` in `shop\/development` \(no other definition matches\).*force=true/,
    );
    expect(
      engine.listActiveResourceByDefinition(admin, ORG, 'postgres-dev'),
    ).toHaveLength(1);
    engine.deleteResourceDefinition(admin, ORG, 'postgres-dev', true);
    expect(
      refusal(() => engine.getResourceDefinition(admin, ORG, 'postgres-dev'))
        .message,
    ).toMatch(/marked as deleted/);
    const deleted = engine.getResourceDefinition(
      admin,
      ORG,
      'postgres-dev',
      true,
    );
    expect(deleted.is_deleted).toBe(true);
    expect(
      engine.listResourceDefinitionVersions(admin, ORG, 'postgres-dev', {
        deleted: true,
      }).items[0].action,
    ).toBe('deleted');
    // A definition marked as deleted matches nothing.
    expect(
      engine.explainResourceMatch(admin, ORG, {
        type: 'postgres',
        res_id: 'shared.db',
        app_id: 'shop',
        env_id: 'development',
      }).winner,
    ).toBeNull();
  });
});

describe('resource classes', () => {
  it('are created per type, described and deleted unless criteria use them (naming the definitions)', () => {
    const { engine, admin, dev } = defsBench();
    const created = engine.createResourceClass(admin, ORG, 'postgres', {
      id: 'large',
      description: 'Big databases',
    });
    expect(created).toMatchObject({
      id: 'large',
      resource_type: 'postgres',
      description: 'Big databases',
    });
    expect(
      refusal(() =>
        engine.createResourceClass(admin, ORG, 'postgres', {
          id: 'large',
          description: '',
        }),
      ).code,
    ).toBe('conflict');
    expect(
      refusal(() =>
        engine.createResourceClass(admin, ORG, 'postgres', {
          id: 'default',
          description: '',
        }),
      ).code,
    ).toBe('conflict');
    expect(
      refusal(() =>
        engine.createResourceClass(dev, ORG, 'postgres', {
          id: 'small',
          description: '',
        }),
      ).code,
    ).toBe('forbidden');
    expect(
      engine.updateResourceClass(admin, ORG, 'postgres', 'large', {
        description: 'Bigger',
      }).description,
    ).toBe('Bigger');
    engine.createResourceDefinitionCriteria(admin, ORG, 'postgres-prod', {
      env_type: 'production',
      class: 'large',
    });
    const inUse = refusal(() =>
      engine.deleteResourceClass(admin, ORG, 'postgres', 'large'),
    );
    expect(inUse.code).toBe('conflict');
    expect(inUse.message).toMatch(
      /used by the criteria of resource definition `postgres-prod`/,
    );
    expect(engine.listResourceClasses(dev, ORG).map((c) => c.id)).toEqual([
      'large',
    ]);
    expect(engine.getResourceClass(dev, ORG, 'postgres', 'large').id).toBe(
      'large',
    );
    expect(
      refusal(() => engine.getResourceClass(dev, ORG, 'redis', 'large')).code,
    ).toBe('not_found');
  });
});

describe('matching', () => {
  it('picks the most specific rule: res_id > env_id > app_id > env_type > class', () => {
    const { engine, admin } = defsBench();
    const def = (id: string, criteria: object[]) =>
      engine.createResourceDefinition(admin, ORG, {
        id,
        name: id,
        type: 'postgres',
        driver_type: 'humanitec/echo',
        criteria,
      });
    engine.createResourceClass(admin, ORG, 'postgres', {
      id: 'large',
      description: '',
    });
    def('by-app', [{ app_id: 'shop' }]);
    def('by-app-class', [{ app_id: 'shop', class: 'large' }]);
    def('by-env', [{ env_id: 'development' }]);
    def('by-res', [{ res_id: 'shared.db' }]);
    def('no-criteria', []);
    const state = stateOf({ engine } as Bench);
    const winner = (request: Partial<typeof AT_DEV> & { class?: string }) =>
      matchResource(state, ORG, { ...AT_DEV, ...request }).winner?.def_id;
    expect(winner({})).toBe('by-res');
    expect(winner({ res_id: 'shared.other' })).toBe('by-env');
    // An app rule is more specific than an environment type's (postgres-dev's env_type development).
    expect(winner({ res_id: 'shared.other', env_id: 'dev2' })).toBe('by-app');
    expect(
      winner({
        res_id: 'shared.other',
        env_id: 'dev2',
        app_id: 'other',
      }),
    ).toBe('postgres-dev');
    expect(
      winner({ res_id: 'shared.other', env_id: 'dev2', env_type: 'staging' }),
    ).toBe('by-app');
    expect(
      winner({
        res_id: 'shared.other',
        env_id: 'dev2',
        env_type: 'staging',
        class: 'large',
      }),
    ).toBe('by-app-class');
    expect(
      winner({
        app_id: 'other',
        res_id: 'x',
        env_id: 'x',
        env_type: 'staging',
      }),
    ).toBeUndefined();
    // The explanation ranks every candidate of the type and says why each lost.
    const result = matchResource(state, ORG, {
      ...AT_DEV,
      res_id: 'shared.other',
    });
    expect(result.candidates.map((c) => [c.def_id, c.outcome])).toEqual([
      ['by-env', 'won'],
      ['by-app', 'lost'],
      ['postgres-dev', 'lost'],
      ['by-app-class', 'not-matched'],
      ['by-res', 'not-matched'],
      ['postgres-prod', 'not-matched'],
      ['no-criteria', 'no-criteria'],
    ]);
    const [, lost, , , notMatched, , none] = result.candidates;
    expect(lost.reason).toMatch(
      /less specific than the winner's \{env_id: development, class: default\}: the winner sets `env_id`/,
    );
    expect(notMatched.mismatches).toEqual([
      { field: 'res_id', criteria: 'shared.db', resource: 'shared.other' },
    ]);
    expect(none.reason).toMatch(/no matching criteria, so it matches nothing/);
    expect(result.winner).toMatchObject({
      def_id: 'by-env',
      criteria: { env_id: 'development', class: 'default' },
    });
  });

  it('resolves ties by definition id, whatever the creation order', () => {
    const { engine, admin } = defsBench();
    // Duplicate rules are refused through the API, so a tie is made in the state directly.
    engine.createResourceDefinition(admin, ORG, {
      id: 'zeta',
      name: 'z',
      type: 'redis',
      driver_type: 'humanitec/echo',
      criteria: [{ app_id: 'shop' }],
    });
    engine.createResourceDefinition(admin, ORG, {
      id: 'alpha',
      name: 'a',
      type: 'redis',
      driver_type: 'humanitec/echo',
      criteria: [{ app_id: 'other' }],
    });
    const state = stateOf({ engine } as Bench);
    state.orgs[ORG].resourceDefs!.defs.alpha.criteria[0].app_id = 'shop';
    const result = matchResource(state, ORG, { ...AT_DEV, type: 'redis' });
    expect(result.winner?.def_id).toBe('alpha');
    expect(result.candidates[1].reason).toMatch(
      /as specific as the winner's; ties go to the definition id first in order \(`alpha` before `zeta`\)/,
    );
  });

  it('builds the catalogued no-match error naming the resource and the nearest candidates', () => {
    const b = defsBench();
    const result = matchResource(stateOf(b), ORG, {
      ...AT_DEV,
      env_id: 'qa',
      env_type: 'staging',
    });
    expect(result.winner).toBeNull();
    const error = noMatchingDefinitionError(result);
    expect(error).toMatchObject({
      scope: 'resource',
      object_id: 'shared.db',
      code: 'RES-MATCH-001',
      error_type: 'ResourceDefinitionNotFound',
    });
    expect(error.message).toMatch(
      /No resource definition matches resource `shared.db` of type `postgres` and class `default` in app `shop`, environment `qa` \(type `staging`\)/,
    );
    expect(error.message).toMatch(
      /`postgres-dev`: Its nearest criteria \{env_type: development, class: default\} does not match: its `env_type` is `development`, the resource's is `staging`/,
    );
    expect(
      noMatchingDefinitionError(
        matchResource(stateOf(b), ORG, { ...AT_DEV, type: 'redis' }),
      ).message,
    ).toMatch(/has no resource definition of type `redis`/);
  });

  it('matches 50 resources against 1,000 definitions with the right winners', () => {
    const { engine, admin } = shopBench();
    const state = stateOf({ engine } as Bench);
    // 1,000 definitions over 5 types and 50 apps (app_id rules, a third of them with env_id, and some env_type-only rules).
    const t = Date.UTC(2025, 0, 1);
    const record: OrgResourceDefsRecord = (state.orgs[ORG].resourceDefs = {
      counter: 0,
      defs: {},
      classes: {},
      secrets: {},
      active: {},
    });
    for (let i = 0; i < 1000; i += 1) {
      const type = ['postgres', 'redis', 's3', 'dns', 'mysql'][i % 5];
      const id = `def-${String(i).padStart(4, '0')}`;
      record.defs[id] = {
        seq: i + 1,
        id,
        type,
        is_deleted: false,
        active_version_id: `v-${id}`,
        criteria: [
          {
            id: `c-${id}`,
            class: 'default',
            ...(i % 100 === 0
              ? { env_type: 'development' }
              : {
                  app_id: `app-${i % 50}`,
                  ...(i % 3 === 0 ? { env_id: 'development' } : {}),
                }),
          },
        ],
        versions: [
          {
            id: `v-${id}`,
            seq: 1,
            name: id,
            driver_type: 'humanitec/echo',
            values: {},
            secret_refs: {},
            secretKeys: [],
            provision: {},
            in_place_driver_change: false,
            action: 'created',
            archived: false,
            created_at: new Date(t).toISOString(),
            created_by: admin.userId,
          },
        ],
        created_at: new Date(t).toISOString(),
        created_by: admin.userId,
        updated_at: new Date(t).toISOString(),
        updated_by: admin.userId,
      };
    }
    const index = new Map<string, number>();
    const results = Array.from({ length: 50 }, (_, i) =>
      matchResource(state, ORG, {
        type: ['postgres', 'redis', 's3', 'dns', 'mysql'][i % 5],
        res_id: `shared.r${i}`,
        app_id: `app-${i}`,
        env_id: 'development',
        env_type: 'development',
      }),
    );
    for (const result of results) {
      const winner = result.winner!;
      index.set(winner.def_id, (index.get(winner.def_id) ?? 0) + 1);
      const def = record.defs[winner.def_id];
      // The winner is of the type, matches the app, and sets env_id whenever a candidate of the app does.
      expect(def.type).toBe(result.resource.type);
      const rule = def.criteria[0];
      expect(
        rule.app_id === undefined || rule.app_id === result.resource.app_id,
      ).toBe(true);
      const specific = result.candidates.some(
        (c) => c.outcome !== 'not-matched' && c.criteria?.env_id !== undefined,
      );
      expect(rule.env_id !== undefined).toBe(specific);
      expect(result.candidates.every((c, i) => c.rank === i + 1)).toBe(true);
      // The winner-only path (what deployments use) picks the same definition.
      expect(
        matchWith(indexDefinitions(state, ORG), result.resource, false).winner,
      ).toEqual(result.winner);
    }
    expect(index.size).toBeGreaterThan(1);
  });
});
