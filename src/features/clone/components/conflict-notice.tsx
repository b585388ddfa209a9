import type { ClonePreview } from '@/api/clone';
import { DiffSummary } from '@/components/diff/diff-summary';
import { Skeleton } from '@/components/ui/skeleton';
import { summarizeDelta } from '@/lib/diff/diff-model';
import { shortId } from '@/lib/format';
import { useSetDelta } from '../queries';

interface ConflictNoticeProps {
  orgId: string;
  appId: string;
  /** The preview the user saw when applying. */
  before: ClonePreview;
  /** The recomputed preview. */
  after: ClonePreview | undefined;
}

/** After a 409: the target changed since the preview; what changed in it, and that the selection is kept. */
export function ConflictNotice({
  orgId,
  appId,
  before,
  after,
}: ConflictNoticeProps) {
  const env = before.target.env_id;
  const changedSet = after && after.target.set_id !== before.target.set_id;
  const { data: delta, isPending } = useSetDelta(
    orgId,
    appId,
    after?.target.set_id ?? '',
    before.target.set_id,
  );
  return (
    <section
      role="alert"
      className="clone-conflict"
      aria-labelledby="clone-conflict-heading"
    >
      <h2 id="clone-conflict-heading">{env} changed since your preview</h2>
      <p>
        Nothing was deployed. {env} now builds on deployment{' '}
        <code>{after ? shortId(after.target.deploy_id || '-') : '…'}</code>{' '}
        instead of <code>{shortId(before.target.deploy_id || '-')}</code>. Your
        selection is kept and the preview below is recomputed: review it and
        apply again.
      </p>
      {after && after.fingerprint === before.fingerprint ? (
        <p>
          A deployment is still running in {env}: apply again when it has
          finished.
        </p>
      ) : !after || (changedSet && isPending) ? (
        <Skeleton rows={2} label={`Loading what changed in ${env}`} />
      ) : changedSet && delta ? (
        <>
          <h3>What changed in {env}</h3>
          <DiffSummary
            summary={summarizeDelta(delta, before.target_set.shared)}
            headingLevel={3}
          />
        </>
      ) : (
        <p className="muted">
          Its workloads and shared resources are the same as before (it was
          redeployed).
        </p>
      )}
    </section>
  );
}
