import { Link } from 'react-router';
import { ApiText } from '@/components/ui/api-text';
import { Banner } from '@/components/ui/banner';
import { paths } from '@/config/paths';
import { useWaitingApprovals } from '../queries';

/**
 * On an environment's page: the pipeline runs that wait for someone to approve a deployment here, each with a link to
 * its run (where Approve and Deny are). Nothing while none waits, or when the API cannot say.
 */
export function ApprovalBanner({
  orgId,
  appId,
  envId,
}: {
  orgId: string;
  appId: string;
  envId: string;
}) {
  const waiting = useWaitingApprovals(orgId, appId).data?.filter(
    (approval) => approval.env_id === envId,
  );
  if (!waiting?.length) return null;
  return (
    <Banner
      label="Waiting for approval"
      status={{ tone: 'progress', label: 'Approval needed' }}
      summary={
        waiting.length === 1
          ? `A pipeline run waits for an approval to deploy to ${envId}.`
          : `${waiting.length} pipeline runs wait for an approval to deploy to ${envId}.`
      }
    >
      <ul className="stack">
        {waiting.map((approval) => (
          <li key={approval.id}>
            <ApiText text={approval.message} />{' '}
            <Link
              to={paths.pipelineRun(
                orgId,
                appId,
                approval.pipeline_id,
                approval.run_id,
              )}
            >
              Open run {approval.run_id.slice(0, 8)} of {approval.pipeline_id}
            </Link>
          </li>
        ))}
      </ul>
    </Banner>
  );
}
