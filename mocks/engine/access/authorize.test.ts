import { describe, expect, it } from 'vitest';
import {
  rolesAllow,
  scopeRefusal,
  type AccessCheck,
  type UserRoles,
} from './authorize';
import {
  addDelta,
  deployAndFinish,
  ORG,
  refusal,
  shopBench,
  workload,
} from '../../fixtures/test-engine';
import { DEMO_TOKENS } from '../../fixtures';

const none: UserRoles = { apps: {}, envTypes: {} };
const check = (
  action: AccessCheck['action'],
  extra: Partial<AccessCheck> = {},
): AccessCheck => ({ action, orgId: ORG, ...extra });

describe('roles', () => {
  it('gives an administrator everything and someone without a role nothing', () => {
    for (const action of [
      'org.manage',
      'demo.reset',
      'env.deploy',
      'app.edit',
    ] as const) {
      expect(
        rolesAllow(
          { ...none, org: 'administrator' },
          check(action, { appId: 'shop', envType: 'production' }),
        ),
      ).toBe(true);
      expect(
        rolesAllow(
          none,
          check(action, { appId: 'shop', envType: 'production' }),
        ),
      ).toBe(false);
    }
  });

  it('lets a developer or an owner deploy only where it is deployer (issue 17)', () => {
    const dev: UserRoles = {
      org: 'member',
      apps: { shop: 'developer' },
      envTypes: { development: 'deployer' },
    };
    expect(
      rolesAllow(
        dev,
        check('env.deploy', { appId: 'shop', envType: 'development' }),
      ),
    ).toBe(true);
    expect(
      rolesAllow(
        dev,
        check('env.deploy', { appId: 'shop', envType: 'production' }),
      ),
    ).toBe(false);
    expect(
      rolesAllow(
        dev,
        check('env.deploy', { appId: 'payments', envType: 'development' }),
      ),
    ).toBe(false);
    const owner: UserRoles = {
      org: 'member',
      apps: { shop: 'owner' },
      envTypes: { development: 'deployer' },
    };
    expect(
      rolesAllow(
        owner,
        check('env.deploy', { appId: 'shop', envType: 'production' }),
      ),
    ).toBe(false);
    expect(
      rolesAllow(
        owner,
        check('env.deploy', { appId: 'shop', envType: 'development' }),
      ),
    ).toBe(true);
    expect(
      rolesAllow(
        { ...owner, envTypes: { production: 'deployer' } },
        check('env.deploy', { appId: 'shop', envType: 'production' }),
      ),
    ).toBe(true);
    expect(rolesAllow(owner, check('app.manage', { appId: 'shop' }))).toBe(
      true,
    );
  });

  it('lets an orgViewer and an artefactContributor read and change nothing', () => {
    for (const org of ['orgViewer', 'artefactContributor'] as const) {
      expect(
        rolesAllow(
          { ...none, org, apps: { shop: 'viewer' } },
          check('app.read', { appId: 'shop' }),
        ),
      ).toBe(true);
      expect(
        rolesAllow({ ...none, org }, check('app.edit', { appId: 'shop' })),
      ).toBe(false);
      expect(rolesAllow({ ...none, org }, check('app.create'))).toBe(false);
    }
  });

  // Humanitec: "Member: can access Apps they have a Role for"; an artefact contributor is "the same as the
  // Member role"; administrators, managers and orgViewers read every app.
  it('lets a member or an artefactContributor read only the apps it has a role on', () => {
    const reads = (
      org: UserRoles['org'],
      apps: UserRoles['apps'],
      visibility?: 'roles' | 'organisation',
    ) =>
      rolesAllow(
        { ...none, org, apps },
        check('app.read', { appId: 'shop' }),
        visibility,
      );
    for (const org of ['administrator', 'manager', 'orgViewer'] as const)
      expect(reads(org, {})).toBe(true);
    for (const org of ['member', 'artefactContributor'] as const) {
      expect(reads(org, {})).toBe(false);
      expect(reads(org, { payments: 'owner' })).toBe(false);
      for (const role of ['viewer', 'developer', 'owner'] as const)
        expect(reads(org, { shop: role })).toBe(true);
      // The documented switch: every organisation role reads every app.
      expect(reads(org, {}, 'organisation')).toBe(true);
    }
    expect(reads(undefined, { shop: 'owner' }, 'organisation')).toBe(false);
    // The organisation itself stays readable to every member.
    expect(rolesAllow({ ...none, org: 'member' }, check('org.read'))).toBe(
      true,
    );
  });
});

describe('token scopes', () => {
  it('narrows: read-only refuses changes, app and environment-type limits refuse the others', () => {
    expect(
      scopeRefusal({ read_only: true }, check('app.read', { appId: 'shop' })),
    ).toBeUndefined();
    expect(
      scopeRefusal({ read_only: true }, check('app.edit', { appId: 'shop' })),
    ).toMatch(/read-only/);
    expect(
      scopeRefusal(
        { apps: ['shop'] },
        check('app.read', { appId: 'payments' }),
      ),
    ).toMatch(/limited to the apps `shop`/);
    expect(scopeRefusal({ apps: ['shop'] }, check('app.create'))).toMatch(
      /organisation-wide/,
    );
    expect(
      scopeRefusal(
        { env_types: ['development'] },
        check('env.deploy', { appId: 'shop', envType: 'production' }),
      ),
    ).toMatch(/environment types `development`/);
    expect(scopeRefusal(undefined, check('org.manage'))).toBeUndefined();
  });
});

describe('enforcement in the engine', () => {
  it('refuses a viewer deploying with a 403 that names the role', () => {
    const b = shopBench();
    const error = refusal(() =>
      b.engine.createDeploy(b.viewer, ORG, 'shop', 'development', {}),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(
      'Deploying to shop/development needs the developer or owner role on app shop and the deployer role on environment type development.',
    );
  });

  it('refuses a developer, and an owner, deploying to production until they are deployer there, and changes nothing when refusing', () => {
    const b = shopBench();
    const deployed = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.engine.createEnv(b.admin, ORG, 'shop', {
      id: 'production',
      name: 'Production',
      type: 'production',
      from_deploy_id: deployed.id,
    });
    const before = b.engine.snapshot();
    const error = refusal(() =>
      b.engine.createDeploy(b.dev, ORG, 'shop', 'production', {}),
    );
    expect(error.message).toBe(
      'Deploying to shop/production needs the deployer role on environment type production (you are developer of app shop).',
    );
    expect(b.engine.snapshot()).toEqual(before);
    b.engine.updateAppRole(b.admin, ORG, 'shop', 'dana-dev', 'owner');
    expect(
      refusal(() => b.engine.createDeploy(b.dev, ORG, 'shop', 'production', {}))
        .message,
    ).toBe(
      'Deploying to shop/production needs the deployer role on environment type production (you are owner of app shop).',
    );
    expect(b.engine.snapshot()).not.toEqual(before);
    b.engine.addEnvTypeUser(b.admin, ORG, 'production', {
      id: 'dana-dev',
      role: 'deployer',
    });
    expect(
      b.engine.createDeploy(b.dev, ORG, 'shop', 'production', {}).env_id,
    ).toBe('production');
  });

  it('makes the creator of an app its owner and reports roles and permissions', () => {
    const b = shopBench();
    b.engine.createApp(b.dev, ORG, { id: 'blog', name: 'Blog' });
    const me = b.engine.currentUser(b.dev);
    expect(me.roles).toMatchObject({
      '/orgs/acme': 'member',
      '/orgs/acme/apps/blog': 'owner',
      '/orgs/acme/apps/shop': 'developer',
    });
    const perms = b.engine.getPermissions(b.dev, ORG, 'dana-dev').objects;
    // Owner of blog, but deployer only on development and staging.
    expect(perms['/orgs/acme/apps/blog/env-types/production']).toBeUndefined();
    expect(perms['/orgs/acme/apps/blog/env-types/staging'].permissions).toEqual(
      ['env.deploy'],
    );
    expect(perms['/orgs/acme/apps/shop/env-types/production']).toBeUndefined();
    expect(perms['/orgs/acme/apps/shop/env-types/staging'].permissions).toEqual(
      ['env.deploy'],
    );
    expect(
      refusal(() => b.engine.getPermissions(b.dev, ORG, 'alex-admin')).code,
    ).toBe('forbidden');
  });

  it('keeps the last administrator and refuses reads outside the organisation', () => {
    const b = shopBench();
    expect(
      refusal(() =>
        b.engine.updateOrgRole(b.admin, ORG, 'alex-admin', 'member'),
      ).code,
    ).toBe('conflict');
    b.engine.removeOrgUser(b.admin, ORG, 'vic-viewer');
    expect(refusal(() => b.engine.listApps(b.viewer, ORG)).message).toMatch(
      /needs a role in organisation acme/,
    );
    expect(b.engine.listOrgs(b.viewer)).toEqual([]);
  });

  it('lets only an administrator reset the demo data through the API', () => {
    const b = shopBench();
    expect(refusal(() => b.engine.reset(b.dev)).message).toMatch(
      /Resetting the demo data needs the administrator role/,
    );
    b.engine.reset(b.engine.authenticate(DEMO_TOKENS.administrator));
    expect(b.engine.listApps(b.admin, ORG)).toEqual([]);
  });
});
