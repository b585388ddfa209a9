/**
 * Who uses a driver, a resource account or a resource type: the live
 * definitions that name it and the active resources they (or it) provisioned,
 * as the spec's ConflictingResourcesErrorResponseDetailsResources. The
 * facade (engine.ts) passes {@link resourceUsage} to the drivers, accounts
 * and resources domains, which cannot import this one (it imports them).
 */
import type { ResourceUsage, UsageTarget } from '../core/resource-usage';
import type { ResourceDefRecord } from '../core/model/resourcedefs';
import { activeResourcesOf } from './ops';
import { activeVersion, findDefs } from './store';
import { definitionView } from './views';

function uses(def: ResourceDefRecord, target: UsageTarget): boolean {
  const version = activeVersion(def);
  switch (target.kind) {
    case 'driver':
      return version.driver_type === target.driverType;
    case 'account':
      return version.driver_account === target.accountId;
    case 'type':
      return def.type === target.type;
  }
}

/** The definitions and active resources that refer to a driver, an account or a type. */
export const resourceUsage: ResourceUsage = (state, orgId, target) => {
  if (!Object.hasOwn(state.orgs, orgId))
    return { resource_definitions: [], active_resources: [] };
  const defs = Object.values(findDefs(state, orgId)?.defs ?? {})
    .filter((def) => !def.is_deleted && uses(def, target))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const active = activeResourcesOf(state, orgId).filter((r) =>
    target.kind === 'driver'
      ? r.driver_type === target.driverType
      : target.kind === 'account'
        ? r.driver_account === target.accountId
        : r.type === target.type,
  );
  return {
    resource_definitions: defs.map((def) => definitionView(orgId, def)),
    active_resources: active,
  };
};
