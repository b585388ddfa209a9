import { shortId } from '@/lib/format';
import { useDiffDelta, useDiffDeployment, useDiffEnvironments } from '../queries';
import type { DeploymentRef } from '../utils/diff-params';
import { ApplyDialog } from './apply-dialog';
import { CopyPermalinkButton } from './copy-permalink-button';
import { CreateDeltaDialog } from './create-delta-dialog';

interface DiffActionsProps {
  orgId: string;
  appId: string;
  from: DeploymentRef;
  to: DeploymentRef;
}

/** What to do with a diff: save it as a draft delta, apply it to an environment, share its link. */
export function DiffActions({ orgId, appId, from, to }: DiffActionsProps) {
  const { data: envs } = useDiffEnvironments(orgId, appId);
  const { data: a } = useDiffDeployment(orgId, appId, from.envId, from.deployId);
  const { data: b } = useDiffDeployment(orgId, appId, to.envId, to.deployId);
  const { data: delta } = useDiffDelta(orgId, appId, b.set_id, a.set_id);
  const label = `${a.env_id}/${shortId(a.id)} → ${b.env_id}/${shortId(b.id)}`;
  const empty =
    delta.shared.length === 0 &&
    Object.keys(delta.modules.add ?? {}).length === 0 &&
    (delta.modules.remove ?? []).length === 0 &&
    Object.values(delta.modules.update ?? {}).every((ops) => ops.length === 0);
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
          <ApplyDialog
            orgId={orgId}
            appId={appId}
            delta={delta}
            envs={envs}
            sourceEnvId={b.env_id}
            defaultComment={`Apply changes ${label}`}
          />
        </>
      )}
    </div>
  );
}
