/**
 * The demo organisation's app roles: who does what in the seed (see the
 * README's "Access control"). Alex (administrator) creates every app and so
 * owns it; Dana (member) develops every app, deploys to development and
 * staging (deployer on those types, state.ts) and owns `analytics`, so she may
 * deploy it to production too; Vic (orgViewer) only reads.
 */
import type { AppRole } from './access';
import { DEMO_ORG_ID } from './constants';
import type { Actor, Engine } from './engine-api';

/** App id → user id → role, granted right after the seed creates the app. */
export const DEMO_APP_ROLES: Readonly<Record<string, Readonly<Record<string, AppRole>>>> = {
  shop: { 'dana-dev': 'developer' },
  payments: { 'dana-dev': 'developer' },
  identity: { 'dana-dev': 'developer' },
  analytics: { 'dana-dev': 'owner' },
  'docs-site': { 'dana-dev': 'developer' },
};

/** Grants the demo roles of `appId` (if any) through the engine's API, as `actor` (an owner). */
export function grantDemoAppRoles(engine: Engine, actor: Actor, appId: string): void {
  const roles = Object.hasOwn(DEMO_APP_ROLES, appId) ? DEMO_APP_ROLES[appId] : {};
  for (const [userId, role] of Object.entries(roles)) {
    engine.addAppUser(actor, DEMO_ORG_ID, appId, { id: userId, role });
  }
}
