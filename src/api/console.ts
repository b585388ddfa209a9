import { api, unwrap } from './client';

/** Restores the embedded engine's demo data (extension endpoint). */
export function resetDemoData() {
  return unwrap(api.POST('/console/demo/reset', {}));
}

/** Describes the embedded engine: organisation, fault rules (extension endpoint). */
export function getDemoInfo() {
  return unwrap(api.GET('/console/demo/info', {}));
}
