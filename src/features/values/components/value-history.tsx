import { useState } from 'react';
import type { ValueScope, ValueSetVersion } from '@/api/values';
import { FieldChangeList } from '@/components/diff/field-change-list';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { valueChanges } from '@/lib/values';
import { useRestoreVersion } from '../mutations';
import { useValueVersions } from '../queries';
import type { ScopeChoice } from './value-forms';

const RESULT: Record<string, string> = {
  value_create: 'created',
  value_update: 'changed',
  value_delete: 'deleted',
  values_delete: 'deleted all',
  value_set_version_restore: 'restored',
  value_set_version_purge: 'purged',
};

/** What made a version, in words ("app value changed", "environment value restored"). */
function describeResult(version: ValueSetVersion): string {
  const result = version.result_of ?? '';
  const [scope, ...rest] = result.split('_');
  const what = RESULT[rest.join('_')] ?? 'changed';
  return `${scope === 'env' ? 'Environment' : 'App'} value ${what}`;
}

/**
 * The value-set versions of one scope, newest first: who, when, why; a diff
 * between two of them (secrets only as "changed"); restore of a whole version
 * or one key of it, with a comment.
 */
export function ValueHistory({
  orgId,
  appId,
  scopes,
  canEdit,
}: {
  orgId: string;
  appId: string;
  scopes: ScopeChoice[];
  canEdit: boolean;
}) {
  const [scopeId, setScopeId] = useState('');
  const scope: ValueScope =
    scopeId === '' ? { orgId, appId } : { orgId, appId, envId: scopeId };
  const versions = useValueVersions(scope);
  const [selected, setSelected] = useState<string>();
  const [against, setAgainst] = useState<string>();
  const [comment, setComment] = useState('');
  const restore = useRestoreVersion(orgId, appId);
  const list = versions.data ?? [];
  const index = list.findIndex((v) => v.id === selected);
  const version = index >= 0 ? list[index] : undefined;
  // Compared with the version chosen, else the one before it.
  const base =
    list.find((v) => v.id === against) ??
    (index >= 0 ? list[index + 1] : undefined);
  const label = (v: ValueSetVersion) =>
    `${describeResult(v)} by ${v.created_by}, ${new Date(v.created_at).toLocaleString()}`;
  return (
    <section className="stack" aria-labelledby="history-heading">
      <h2 id="history-heading">Version history</h2>
      <div className="field">
        <label htmlFor="history-scope">History of</label>
        <select
          className="select"
          id="history-scope"
          value={scopeId}
          onChange={(e) => {
            setScopeId(e.target.value);
            setSelected(undefined);
            setAgainst(undefined);
          }}
        >
          {scopes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {versions.isPending && <Skeleton rows={3} label="Loading the history" />}
      {versions.isError && (
        <ErrorPanel
          error={versions.error}
          action="load the version history"
          onRetry={() => void versions.refetch()}
        />
      )}
      {versions.data?.length === 0 && (
        <EmptyState title="No versions yet">
          Every change of a value makes a version.
        </EmptyState>
      )}
      {list.length > 0 && (
        <ol className="values-history">
          {list.map((v, i) => (
            <li key={v.id}>
              <button
                type="button"
                className="button button--small"
                aria-pressed={v.id === selected}
                aria-label={`Version ${list.length - i}: ${label(v)}`}
                onClick={() => {
                  setSelected(v.id);
                  setAgainst(undefined);
                }}
              >
                Version {list.length - i}
              </button>{' '}
              {describeResult(v)} by <strong>{v.created_by}</strong>{' '}
              <RelativeTime iso={v.created_at} />
              {v.comment && <span className="muted"> — {v.comment}</span>}
            </li>
          ))}
        </ol>
      )}
      {version && (
        <div className="stack" aria-label="Selected version">
          <div className="field">
            <label htmlFor="history-against">Compare with</label>
            <select
              className="select"
              id="history-against"
              value={base?.id ?? ''}
              onChange={(e) => setAgainst(e.target.value || undefined)}
            >
              <option value="">(nothing: every value of this version)</option>
              {list
                .filter((v) => v.id !== version.id)
                .map((v) => (
                  <option key={v.id} value={v.id}>
                    Version {list.length - list.indexOf(v)}: {label(v)}
                  </option>
                ))}
            </select>
          </div>
          <FieldChangeList
            changes={valueChanges(base?.values ?? {}, version.values)}
            subject={`version ${list.length - index}`}
          />
          {canEdit && (
            <form
              className="row"
              onSubmit={(event) => {
                event.preventDefault();
                restore.mutate(
                  { scope, versionId: version.id, comment },
                  { onSuccess: () => setComment('') },
                );
              }}
            >
              <div className="field">
                <label htmlFor="restore-comment">Comment</label>
                <input
                  className="input"
                  id="restore-comment"
                  value={comment}
                  maxLength={1000}
                  onChange={(e) => setComment(e.target.value)}
                />
              </div>
              <button
                type="submit"
                className="button button--primary"
                disabled={restore.isPending}
              >
                Restore version {list.length - index}
              </button>
              {Object.keys(version.values).map((key) => (
                <button
                  key={key}
                  type="button"
                  className="button button--small"
                  disabled={restore.isPending}
                  onClick={() =>
                    restore.mutate(
                      { scope, versionId: version.id, key, comment },
                      { onSuccess: () => setComment('') },
                    )
                  }
                >
                  Restore {key} only
                </button>
              ))}
            </form>
          )}
          {restore.isError && (
            <ErrorPanel error={restore.error} action="restore the version" />
          )}
        </div>
      )}
    </section>
  );
}
