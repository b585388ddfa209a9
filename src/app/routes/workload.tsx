import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import {
  data,
  Link,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import { envQueries } from '@/api/queries/environments';
import { setQueries } from '@/api/queries/sets';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { WorkloadDetails } from '@/features/environments/components/workload-details';
import { WorkloadEditor } from '@/features/environments/components/workload-editor';
import { WorkloadHealth } from '@/features/environments/components/workload-health';
import { WorkloadPlaceholders } from '@/features/environments/components/workload-placeholders';
import {
  useEnvironment,
  useEnvironmentSet,
} from '@/features/environments/queries';
import { ProfileDeprecation } from '@/features/profiles/components/profile-deprecation';
import { WorkloadValues } from '@/features/values/components/workload-values';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

type Params = {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
};

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId, envId, workloadId } = params as Params;
    const env = await queryClient.ensureQueryData(
      envQueries.detail(orgId, appId, envId),
    );
    const setId = env.last_deploy?.set_id;
    const set = setId
      ? await queryClient.ensureQueryData(setQueries.set(orgId, appId, setId))
      : undefined;
    if (!set?.modules[workloadId]) {
      throw data(null, {
        status: 404,
        statusText: `Workload ${workloadId} is not deployed in ${envId}.`,
      });
    }
    return null;
  };

export function Component() {
  const { orgId, appId, envId, workloadId } = useParams() as Params;
  const navigate = useNavigate();
  // `?container=…&image=…`: an image proposed by the Artefacts page's "Deploy this version to …".
  const [search] = useSearchParams();
  const proposedContainer = search.get('container');
  const proposedImage = search.get('image');
  const { data: env } = useEnvironment(orgId, appId, envId);
  const { data: set } = useEnvironmentSet(
    orgId,
    appId,
    env.last_deploy!.set_id,
  );
  const workload = set.modules[workloadId];
  return (
    <>
      <PageHeader
        title={workloadId}
        actions={
          <>
            <Link
              className="button"
              to={paths.workloadRuntime(orgId, appId, envId, workloadId)}
            >
              Runtime and logs
            </Link>
            <Link
              className="button"
              to={paths.workloadEdit(orgId, appId, envId, workloadId)}
            >
              Edit with the profile form
            </Link>
            <Link
              className="button"
              to={paths.changeProfile(orgId, appId, envId, workloadId)}
            >
              Change profile
            </Link>
            <Link
              className="button"
              to={paths.runLocally(orgId, appId, envId, workloadId)}
            >
              Run locally
            </Link>
          </>
        }
      >
        <span>
          Workload in <code>{envId}</code>
        </span>
      </PageHeader>
      <WorkloadHealth
        orgId={orgId}
        appId={appId}
        envId={envId}
        workloadId={workloadId}
      />
      <ProfileDeprecation orgId={orgId} profileRef={workload.profile} />
      <WorkloadValues
        orgId={orgId}
        appId={appId}
        envId={envId}
        versionId={env.last_deploy?.value_set_version_id}
        spec={workload.spec}
      />
      {env.last_deploy && (
        <WorkloadPlaceholders
          orgId={orgId}
          appId={appId}
          envId={envId}
          deployId={env.last_deploy.id}
          workloadId={workloadId}
        />
      )}
      <div className="grid-2">
        <Panel titleId="details-heading" title="Deployed configuration">
          <PanelBody>
            <WorkloadDetails workload={workload} />
          </PanelBody>
        </Panel>
        <Panel>
          <PanelBody>
            <WorkloadEditor
              orgId={orgId}
              appId={appId}
              envId={envId}
              envType={env.type}
              workloadId={workloadId}
              workload={workload}
              lastDeployId={env.last_deploy?.id}
              proposed={
                proposedContainer && proposedImage
                  ? { container: proposedContainer, image: proposedImage }
                  : undefined
              }
              onDeployed={(d) =>
                navigate(paths.deployment(orgId, appId, envId, d.id))
              }
            />
          </PanelBody>
        </Panel>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteError;
