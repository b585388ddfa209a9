import { useMutation, useQueryClient } from '@tanstack/react-query';
import { byPrefix } from '@/api/queries/keys';
import {
  createValue,
  deleteValue,
  patchValue,
  restoreValueSetVersion,
  type ValueCreate,
  type ValueScope,
} from '@/api/values';

/** What a change of values may have changed: every scope's values and versions of the app. */
function useInvalidateValues(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(byPrefix.allValues(orgId, appId));
}

/** One change of a value: create, change (content or description), or delete. */
export type ValueChange =
  | { kind: 'create'; scope: ValueScope; body: ValueCreate }
  | {
      kind: 'patch';
      scope: ValueScope;
      key: string;
      body: { value?: string; description?: string };
    }
  | { kind: 'delete'; scope: ValueScope; key: string };

function apply(change: ValueChange) {
  switch (change.kind) {
    case 'create':
      return createValue(change.scope, change.body);
    case 'patch':
      return patchValue(change.scope, change.key, change.body);
    case 'delete':
      return deleteValue(change.scope, change.key);
  }
}

/** Runs value changes one after another (a bulk import is several); the form shows a refusal beside itself. */
export function useChangeValues(orgId: string, appId: string) {
  const invalidate = useInvalidateValues(orgId, appId);
  return useMutation({
    meta: { silent: true },
    mutationFn: async (changes: ValueChange[]) => {
      for (const change of changes) await apply(change);
    },
    onSettled: invalidate,
  });
}

/** Restores a value-set version (whole, or one key) with a comment. */
export function useRestoreVersion(orgId: string, appId: string) {
  const invalidate = useInvalidateValues(orgId, appId);
  return useMutation({
    meta: { silent: true },
    mutationFn: (input: {
      scope: ValueScope;
      versionId: string;
      key?: string;
      comment: string;
    }) =>
      restoreValueSetVersion(
        input.scope,
        input.versionId,
        input.key,
        input.comment,
      ),
    onSettled: invalidate,
  });
}
