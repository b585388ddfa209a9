import { api, unwrap } from './client';
import { writeHeaders, type WriteOptions } from './idempotency';
import type { Delta, DeltaRequest } from './types';

/**
 * Creates a delta; the API answers with the delta (or, per the spec's oneOf,
 * its id). With `idempotencyKey` a retry answers the same delta.
 */
export async function createDelta(
  orgId: string,
  appId: string,
  body: DeltaRequest,
  options: WriteOptions = {},
) {
  const data = await unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/deltas', {
      params: { path: { orgId, appId } },
      body,
      headers: writeHeaders(options),
    }),
  );
  return typeof data === 'string' ? data : (data as Delta).id;
}
