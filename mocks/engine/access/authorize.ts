/**
 * Access control of the engine: the spec's roles, a small permission
 * vocabulary, and `authorize`, which every engine method calls before it
 * reads or changes anything.
 *
 * Roles (as Humanitec names them):
 * - organisation: `administrator` (everything), `manager` (owner of every app,
 *   deployer on every environment type, manages workload profiles and
 *   app / environment-type members; not organisation members), `member`
 *   (reads the organisation and the apps it holds a role on, creates apps
 *   and becomes their owner), `artefactContributor` (service users that
 *   register artefacts; reads like a member), `orgViewer` (reads every app,
 *   changes nothing);
 * - application: `viewer` (reads), `developer` (changes deltas and sets;
 *   deploys where they are also `deployer`), `owner` (all of the app:
 *   deletes it, manages its members; deploys, like a developer, only where
 *   they are also `deployer`, as Humanitec documents it);
 * - environment type: `deployer` (a developer or owner of an app may deploy
 *   to, create, delete, pause or scale its environments of this type).
 *
 * Which apps a caller reads (`app.read`), as Humanitec documents it: an
 * administrator, manager or orgViewer every app of the organisation; a
 * `member` or `artefactContributor` only the apps they hold an app role on
 * (viewer, developer or owner). Every listing across apps (the apps, the
 * navigation index, health, fleet, DORA, pipelines and their runs) keeps
 * only those ({@link appReadFilter}); reading another one is 403 like any
 * missing role (404 when it does not exist). The engine option
 * `appVisibility: 'organisation'` ({@link AppVisibility}) lets every
 * organisation role read every app, as the engine did before.
 *
 * A scoped token ({@link TokenScope}) narrows its user's permissions and never
 * widens them: the effective permission is the user's AND the token's. A
 * scoped token (any scope: read-only, some apps, some environment types)
 * cannot manage users, roles or tokens of anyone, nor reset the demo: those
 * need a token whose scope is the whole organisation (no scope), so that a
 * narrow token can never mint a wider one or grant itself roles.
 *
 * How to protect an engine method (other modules do exactly this):
 *
 * ```ts
 * createThing: (actor, orgId, appId, input) =>
 *   write(actor, (ctx) => {
 *     authorize(ctx, { action: 'app.edit', orgId, appId });
 *     return things.create(ctx, orgId, appId, input);
 *   }),
 * ```
 *
 * or, for an environment, `authorizeEnv(ctx, orgId, appId, envId, 'Cloning into')`.
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireApp, requireEnv, requireOrg } from '../core/lookup';
import type { AppRecord, StateV1 } from '../core/state';
import { READ_PERMISSIONS } from '../core/model/access';
import type {
  AppRole,
  AppVisibility,
  EnvTypeRole,
  OrgRole,
  Permission,
  TokenScope,
} from '../core/model/access';

export {
  APP_ROLES,
  APP_VISIBILITIES,
  ENV_TYPE_ROLES,
  ORG_ROLES,
  PERMISSIONS,
  READ_PERMISSIONS,
} from '../core/model/access';
export type {
  AppRole,
  AppVisibility,
  EnvTypeRole,
  OrgRole,
  Permission,
  TokenScope,
} from '../core/model/access';

/**
 * A request for permission. `appId` is required for `app.*` and `env.deploy`,
 * `envType` for `env.deploy` (and names the type for `org.envTypes`).
 * `doing` replaces the start of the refusal message, e.g. "Pausing shop/production".
 */
export interface AccessCheck {
  action: Permission;
  orgId: string;
  appId?: string;
  envType?: string;
  doing?: string;
  /** The call manages users, roles or tokens (e.g. an app's members): a scoped token never may. */
  grants?: boolean;
}

/** The roles of a user in an organisation, at its three levels. */
export interface UserRoles {
  org?: OrgRole;
  /** App id → role. */
  apps: Record<string, AppRole>;
  /** Environment type → role. */
  envTypes: Record<string, EnvTypeRole>;
}

/**
 * The roles `userId` holds in `orgId` (nothing when the organisation does not
 * exist). With `only`, `apps` holds the role on `only.appId` alone (none
 * when it is undefined): what one check needs, without visiting every app of
 * the organisation (a write's draft copies each app it visits,
 * core/state-changes.ts).
 */
export function rolesOf(
  state: StateV1,
  orgId: string,
  userId: string,
  only?: { appId?: string },
): UserRoles {
  const org = Object.hasOwn(state.orgs, orgId) ? state.orgs[orgId] : undefined;
  const roles: UserRoles = { apps: {}, envTypes: {} };
  if (!org) return roles;
  if (Object.hasOwn(org.roles, userId)) roles.org = org.roles[userId];
  const appRole = (appId: string, app: AppRecord) => {
    const role =
      app.roles && Object.hasOwn(app.roles, userId)
        ? app.roles[userId]
        : undefined;
    if (role) roles.apps[appId] = role;
  };
  if (!only) {
    for (const [appId, app] of Object.entries(org.apps)) appRole(appId, app);
  } else if (only.appId !== undefined && Object.hasOwn(org.apps, only.appId)) {
    appRole(only.appId, org.apps[only.appId]);
  }
  for (const [type, members] of Object.entries(org.envTypeRoles ?? {})) {
    if (Object.hasOwn(members, userId)) roles.envTypes[type] = members[userId];
  }
  return roles;
}

const ADMIN_OR_MANAGER = (role?: OrgRole) =>
  role === 'administrator' || role === 'manager';

/** Organisation roles that read every app, whatever their app roles. */
const READS_EVERY_APP: readonly OrgRole[] = [
  'administrator',
  'manager',
  'orgViewer',
];

/**
 * Whether the roles allow the check, ignoring any token scope. `visibility`
 * says which apps a member reads (default `roles`: those it holds a role on).
 */
export function rolesAllow(
  roles: UserRoles,
  check: AccessCheck,
  visibility: AppVisibility = 'roles',
): boolean {
  const org = roles.org;
  if (org === undefined) return false;
  if (org === 'administrator') return true;
  const appRole =
    check.appId !== undefined ? roles.apps[check.appId] : undefined;
  switch (check.action) {
    case 'org.read':
      return true;
    case 'app.read':
      return (
        READS_EVERY_APP.includes(org) ||
        appRole !== undefined ||
        visibility === 'organisation'
      );
    case 'org.manage':
    case 'demo.reset':
      return false;
    case 'org.profiles':
    case 'org.envTypes':
      return ADMIN_OR_MANAGER(org);
    case 'org.artefacts':
      return ADMIN_OR_MANAGER(org) || org === 'artefactContributor';
    case 'app.create':
      return org === 'manager' || org === 'member';
    case 'app.edit':
      return (
        org === 'manager' || appRole === 'developer' || appRole === 'owner'
      );
    case 'app.manage':
      return org === 'manager' || appRole === 'owner';
    case 'env.deploy':
      return (
        org === 'manager' ||
        ((appRole === 'developer' || appRole === 'owner') &&
          check.envType !== undefined &&
          roles.envTypes[check.envType] === 'deployer')
      );
  }
}

/** Actions that need the whole organisation: users, roles, tokens and the demo reset. */
const WHOLE_ORG_ACTIONS: readonly Permission[] = [
  'org.manage',
  'org.envTypes',
  'demo.reset',
];

/** Why a token's scope refuses the check, or undefined when it allows it. */
export function scopeRefusal(
  scope: TokenScope | undefined,
  check: AccessCheck,
): string | undefined {
  if (!scope) return undefined;
  if (scope.read_only && !READ_PERMISSIONS.includes(check.action)) {
    return 'This token is read-only; use a token without the read-only scope to make changes.';
  }
  if (check.grants || WHOLE_ORG_ACTIONS.includes(check.action)) {
    return `This token has a scope (${describeScope(scope)}); managing users, roles or tokens and resetting the demo need a token without a scope (the whole organisation).`;
  }
  if (
    scope.apps &&
    check.appId !== undefined &&
    !scope.apps.includes(check.appId)
  ) {
    return `This token is limited to the apps ${list(scope.apps)}; app \`${check.appId}\` is outside its scope.`;
  }
  if (
    scope.apps &&
    [
      'app.create',
      'org.manage',
      'org.profiles',
      'org.envTypes',
      'demo.reset',
    ].includes(check.action)
  ) {
    return `This token is limited to the apps ${list(scope.apps)} and cannot make organisation-wide changes.`;
  }
  if (
    scope.env_types &&
    check.action === 'env.deploy' &&
    check.envType !== undefined &&
    !scope.env_types.includes(check.envType)
  ) {
    return `This token is limited to the environment types ${list(scope.env_types)}; \`${check.envType}\` is outside its scope.`;
  }
  return undefined;
}

/** A scope in words, e.g. "environment types `development`". */
export function describeScope(scope: TokenScope): string {
  const parts: string[] = [];
  if (scope.read_only) parts.push('read-only');
  if (scope.apps) parts.push(`apps ${list(scope.apps)}`);
  if (scope.env_types) parts.push(`environment types ${list(scope.env_types)}`);
  return parts.join('; ') || 'none';
}

/**
 * Whether a token of scope `inner` can do no more than one of scope `outer`
 * (undefined is the whole organisation): read-only stays read-only, and its
 * apps and environment types are a subset of the outer ones.
 */
export function scopeWithin(
  inner: TokenScope | undefined,
  outer: TokenScope | undefined,
): boolean {
  if (!outer) return true;
  if (!inner) return false;
  if (outer.read_only && !inner.read_only) return false;
  for (const field of ['apps', 'env_types'] as const) {
    const limit = outer[field];
    if (
      limit &&
      (!inner[field] || inner[field].some((item) => !limit.includes(item)))
    )
      return false;
  }
  return true;
}

function list(items: readonly string[]): string {
  return items.length === 0
    ? '(none)'
    : items.map((item) => `\`${item}\``).join(', ');
}

/**
 * The sentence that names the missing role, e.g. "Deploying to production
 * needs the deployer role on environment type production (you are developer of
 * app shop)."
 */
export function refusalMessage(roles: UserRoles, check: AccessCheck): string {
  const { orgId, appId = '?', envType = '?' } = check;
  const say = (fallback: string) => check.doing ?? fallback;
  switch (check.action) {
    case 'org.read':
      return `${say(`Reading organisation ${orgId}`)} needs a role in organisation ${orgId} (orgViewer or above).`;
    case 'app.read':
      return roles.org === undefined
        ? `${say(`Reading app ${appId}`)} needs a role in organisation ${orgId} (orgViewer or above).`
        : `${say(`Reading app ${appId}`)} needs the viewer, developer or owner role on app ${appId} (you are ${roles.org} of organisation ${orgId}, which reads only the apps you have a role on).`;
    case 'org.manage':
      return `${say(`Managing members and service users of organisation ${orgId}`)} needs the administrator role on organisation ${orgId}.`;
    case 'demo.reset':
      return `${say('Resetting the demo data')} needs the administrator role on organisation ${orgId}.`;
    case 'org.profiles':
      return `${say('Changing workload profiles')} needs the manager or administrator role on organisation ${orgId}.`;
    case 'org.envTypes':
      return `${say(`Managing who may deploy to environment type ${envType}`)} needs the manager or administrator role on organisation ${orgId}.`;
    case 'org.artefacts':
      return `${say('Pushing artefact versions')} needs the administrator, manager or artefactContributor role on organisation ${orgId}.`;
    case 'app.create':
      return `${say('Creating apps')} needs the member, manager or administrator role on organisation ${orgId}.`;
    case 'app.edit':
      return `${say(`Changing app ${appId}`)} needs the developer or owner role on app ${appId}.`;
    case 'app.manage':
      return `${say(`Managing app ${appId}`)} needs the owner role on app ${appId}.`;
    case 'env.deploy': {
      const doing = say(`Deploying to ${envType}`);
      const appRole = roles.apps[appId];
      return appRole === 'developer' || appRole === 'owner'
        ? `${doing} needs the deployer role on environment type ${envType} (you are ${appRole} of app ${appId}).`
        : `${doing} needs the developer or owner role on app ${appId} and the deployer role on environment type ${envType}.`;
    }
  }
}

/**
 * Throws the engine's `forbidden` error (HTTP 403) unless the caller of `ctx`
 * may do `check`: its roles allow it and its token's scope (if any) does too.
 * The message names the missing role. Call it first thing in an engine
 * method, before anything is read or changed. An unknown organisation is
 * `not_found` (404), as the lookups would say.
 */
export function authorize(ctx: OpContext, check: AccessCheck): void {
  requireOrg(ctx.state, check.orgId);
  // Only the role on the app of the check matters (rolesAllow, refusalMessage); none when it names no app.
  const roles = rolesOf(ctx.state, check.orgId, ctx.userId, {
    appId: check.appId,
  });
  if (!rolesAllow(roles, check, ctx.appVisibility)) {
    throw new EngineError('forbidden', refusalMessage(roles, check), {
      action: check.action,
      ...(check.appId !== undefined ? { app_id: check.appId } : {}),
      ...(check.envType !== undefined ? { env_type: check.envType } : {}),
    });
  }
  const refusal = scopeRefusal(ctx.scope, check);
  if (refusal)
    throw new EngineError('forbidden', refusal, {
      action: check.action,
      scope: true,
    });
}

/** Whether `authorize` would allow the check (no throw). */
export function can(ctx: OpContext, check: AccessCheck): boolean {
  try {
    authorize(ctx, check);
    return true;
  } catch (error) {
    if (error instanceof EngineError && error.code === 'forbidden')
      return false;
    throw error;
  }
}

/**
 * Which apps of `orgId` the caller may read (`app.read`: its roles and its
 * token's scope): the filter every listing across apps applies (the apps,
 * the navigation index, health, fleet, DORA, pipelines and runs). Call it in
 * a domain's methods.ts after authorizing `org.read`; it reads the roles
 * once, so filtering a large organisation stays linear.
 */
export function appReadFilter(
  ctx: OpContext,
  orgId: string,
): (appId: string) => boolean {
  // The organisation and environment-type roles once; each app's own role when it is asked about
  // (listing every app's roles first cost ~50 ms per call on a 10,000-app organisation).
  const base = rolesOf(ctx.state, orgId, ctx.userId, {});
  const apps = Object.hasOwn(ctx.state.orgs, orgId)
    ? ctx.state.orgs[orgId].apps
    : {};
  return (appId) => {
    const check: AccessCheck = { action: 'app.read', orgId, appId };
    const app = Object.hasOwn(apps, appId) ? apps[appId] : undefined;
    const role =
      app?.roles && Object.hasOwn(app.roles, ctx.userId)
        ? app.roles[ctx.userId]
        : undefined;
    const roles: UserRoles = role ? { ...base, apps: { [appId]: role } } : base;
    return (
      rolesAllow(roles, check, ctx.appVisibility) &&
      scopeRefusal(ctx.scope, check) === undefined
    );
  };
}

/**
 * Names what {@link appReadFilter} depends on besides the state: the user,
 * the token's scope and the engine's app visibility. Within one state of an
 * organisation (every write replaces the organisation records,
 * core/state-changes.ts), callers with equal keys read the same apps, so a
 * listing may keep its filtered ids per key until the next write.
 */
export function appReaderKey(ctx: OpContext): string {
  return JSON.stringify([
    ctx.userId,
    ctx.scope ?? null,
    ctx.appVisibility ?? 'roles',
  ]);
}

/** Authorizes reading an application (404 first when it does not exist). */
export function authorizeApp(
  ctx: OpContext,
  orgId: string,
  appId: string,
  action: Permission = 'app.read',
): void {
  requireApp(ctx.state, orgId, appId);
  authorize(ctx, { action, orgId, appId });
}

/**
 * Authorizes `env.deploy` on an existing environment (its type decides);
 * `doing` starts the refusal, e.g. "Pausing shop/production". 404 first when
 * the environment does not exist.
 */
export function authorizeEnv(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  doing?: string,
): void {
  const { env } = requireEnv(ctx.state, orgId, appId, envId);
  authorize(ctx, {
    action: 'env.deploy',
    orgId,
    appId,
    envType: env.env.type,
    doing: doing ?? `Deploying to ${appId}/${envId}`,
  });
}

/**
 * The effective permissions of a user (through its token's scope, if given)
 * in an organisation, keyed by object path: `/orgs/{orgId}`,
 * `/orgs/{orgId}/apps/{appId}`, `/orgs/{orgId}/env-types/{type}` and, for
 * deploys, `/orgs/{orgId}/apps/{appId}/env-types/{type}`. Objects without a
 * permission are left out. This is the body of the spec's SubjectPermissions.
 */
export function effectivePermissions(
  state: StateV1,
  orgId: string,
  userId: string,
  scope?: TokenScope,
  visibility?: AppVisibility,
): Record<string, { permissions: Permission[] }> {
  const org = requireOrg(state, orgId);
  const roles = rolesOf(state, orgId, userId);
  const allowed = (check: AccessCheck) =>
    rolesAllow(roles, check, visibility) && !scopeRefusal(scope, check);
  const objects: Record<string, { permissions: Permission[] }> = {};
  const put = (key: string, permissions: Permission[]) => {
    if (permissions.length > 0) objects[key] = { permissions };
  };
  const orgActions: Permission[] = [
    'org.read',
    'org.manage',
    'org.profiles',
    'org.artefacts',
    'app.create',
    'demo.reset',
  ];
  put(
    `/orgs/${orgId}`,
    orgActions.filter((action) => allowed({ action, orgId })),
  );
  for (const type of org.envTypes) {
    put(
      `/orgs/${orgId}/env-types/${type.id}`,
      allowed({ action: 'org.envTypes', orgId, envType: type.id })
        ? ['org.envTypes']
        : [],
    );
  }
  for (const appId of Object.keys(org.apps)) {
    const appActions: Permission[] = ['app.read', 'app.edit', 'app.manage'];
    put(
      `/orgs/${orgId}/apps/${appId}`,
      appActions.filter((action) => allowed({ action, orgId, appId })),
    );
    for (const type of org.envTypes) {
      put(
        `/orgs/${orgId}/apps/${appId}/env-types/${type.id}`,
        allowed({ action: 'env.deploy', orgId, appId, envType: type.id })
          ? ['env.deploy']
          : [],
      );
    }
  }
  return objects;
}

/**
 * The user's roles as the spec's RolesResponse of `/current-user`: object
 * path → role, e.g. `{"/orgs/acme": "member", "/orgs/acme/apps/shop": "developer"}`.
 */
export function rolesByObject(
  state: StateV1,
  userId: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const orgId of Object.keys(state.orgs)) {
    const roles = rolesOf(state, orgId, userId);
    if (roles.org) out[`/orgs/${orgId}`] = roles.org;
    for (const [appId, role] of Object.entries(roles.apps))
      out[`/orgs/${orgId}/apps/${appId}`] = role;
    for (const [type, role] of Object.entries(roles.envTypes))
      out[`/orgs/${orgId}/env-types/${type}`] = role;
  }
  return out;
}
