import { api, unwrap } from './client';
import type { Delta, DeltaRequest } from './types';

/** Creates a delta; the API answers with the delta (or, per the spec's oneOf, its id). */
export async function createDelta(orgId: string, appId: string, body: DeltaRequest) {
  const data = await unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/deltas', {
      params: { path: { orgId, appId } },
      body,
    }),
  );
  return typeof data === 'string' ? data : (data as Delta).id;
}
