import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { summarizeDelta } from '@/lib/diff/diff-model';
import { shortId } from '@/lib/format';
import {
  useDiffDelta,
  useDiffDeployment,
  useDiffEnvironments,
} from '../queries';
import type { DeploymentRef } from '../utils/diff-params';
import { CopyPermalinkButton } from './copy-permalink-button';
import { CreateDeltaDialog } from './create-delta-dialog';

interface DiffActionsProps {
  orgId: string;
  appId: string;
  from: DeploymentRef;
  to: DeploymentRef;
}

/** What to do with a diff: save it as a draft delta, apply it to an environment (the clone flow), share its link. */
export function DiffActions({ orgId, appId, from, to }: DiffActionsProps) {
  const { data: envs } = useDiffEnvironments(orgId, appId);
  const { data: a } = useDiffDeployment(
    orgId,
    appId,
    from.envId,
    from.deployId,
  );
  const { data: b } = useDiffDeployment(orgId, appId, to.envId, to.deployId);
  const { data: delta } = useDiffDelta(orgId, appId, b.set_id, a.set_id);
  const label = `${a.env_id}/${shortId(a.id)} → ${b.env_id}/${shortId(b.id)}`;
  const empty =
    delta.shared.length === 0 &&
    Object.keys(delta.modules.add ?? {}).length === 0 &&
    (delta.modules.remove ?? []).length === 0 &&
    Object.values(delta.modules.update ?? {}).every((ops) => ops.length === 0);
  // Applying opens the clone flow: the newer deployment is the source, the items the diff changes are selected.
  const { workloads: w, shared } = summarizeDelta(delta);
  const applyHref = paths.clone(orgId, appId, {
    from: b.env_id,
    deploy: b.id,
    modules: [...w.added, ...w.removed, ...w.changed],
    shared: [...shared.added, ...shared.removed, ...shared.changed],
  });
  return (
    <div className="diff-actions">
      <CopyPermalinkButton />
      {!empty && (
        <>
          <CreateDeltaDialog
            orgId={orgId}
            appId={appId}
            delta={delta}
            envs={envs}
            defaultEnvId={a.env_id}
            defaultName={`Changes ${label}`}
          />
          <Link className="button" to={applyHref}>
            Apply to environment…
          </Link>
        </>
      )}
    </div>
  );
}
