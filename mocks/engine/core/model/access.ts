/**
 * The access vocabulary the state holds: organisation, application and
 * environment-type roles, permissions and token scopes (rules: access/).
 */

/** Organisation roles (the spec's OrganizationRole). */
export type OrgRole =
  'administrator' | 'manager' | 'member' | 'artefactContributor' | 'orgViewer';

/** The spec's organisation roles, most powerful first. */
export const ORG_ROLES: readonly OrgRole[] = [
  'administrator',
  'manager',
  'member',
  'artefactContributor',
  'orgViewer',
];

/** Application roles, least powerful first. */
export const APP_ROLES = ['viewer', 'developer', 'owner'] as const;
/** An application role. */
export type AppRole = (typeof APP_ROLES)[number];

/** Environment-type roles. */
export const ENV_TYPE_ROLES = ['deployer'] as const;
/** An environment-type role. */
export type EnvTypeRole = (typeof ENV_TYPE_ROLES)[number];

/**
 * What a caller may do. The same words appear in `/orgs/{orgId}/users/{userId}/perms`:
 * - `org.read`: read the organisation (its environment types, profiles,
 *   members) and list the apps the caller may read (`app.read`);
 * - `org.manage`: organisation members and roles, service users, their tokens;
 * - `org.profiles`: create, publish and delete workload profiles;
 * - `org.envTypes`: manage who may deploy to an environment type;
 * - `org.artefacts`: push artefact versions, archive them, delete artefacts
 *   (administrators, managers and artefact contributors);
 * - `app.create`: create applications;
 * - `app.read`: read one application: administrators, managers and
 *   orgViewers read every app, members and artefact contributors only those
 *   they hold a role on (unless {@link AppVisibility} is `organisation`); a
 *   token may be limited to some apps;
 * - `app.edit`: deltas, sets, pipelines and other changes that deploy nothing;
 * - `app.manage`: delete the app, manage its members;
 * - `env.deploy`: deploy to an environment, create, delete, rebase, pause or
 *   scale it (depends on the environment's type);
 * - `demo.reset`: restore the demo data of the embedded engine.
 */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'org.profiles',
  'org.envTypes',
  'org.artefacts',
  'app.create',
  'app.read',
  'app.edit',
  'app.manage',
  'env.deploy',
  'demo.reset',
] as const;
/** One permission of {@link PERMISSIONS}. */
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that change nothing: a read-only token keeps exactly these. */
export const READ_PERMISSIONS: readonly Permission[] = ['org.read', 'app.read'];

/** A token's narrowing of its user's permissions (our extension; see console-extensions.yaml). */
export interface TokenScope {
  /** Only reads. */
  read_only?: boolean;
  /** Only these applications (reads and changes). */
  apps?: string[];
  /** Only environments of these types (deploys and other environment changes). */
  env_types?: string[];
}

/**
 * Which apps an organisation `member` or `artefactContributor` may read
 * (`EngineOptions.appVisibility`, the README's "Access control"):
 * - `roles` (the default, as Humanitec documents it: "Member: can access Apps
 *   they have a Role for"): only the apps they hold an app role on;
 * - `organisation`: every app of the organisation, the engine's behaviour
 *   before (a switch for demos that need it; not Humanitec's rule).
 * Administrators, managers and orgViewers read every app either way.
 */
export type AppVisibility = 'roles' | 'organisation';

/** The values of {@link AppVisibility}, the default first. */
export const APP_VISIBILITIES: readonly AppVisibility[] = [
  'roles',
  'organisation',
];
