import type { Environment } from '@/api/types';
import { envChoiceLabel, shortId } from '@/lib/format';
import { useCloneDeployments } from '../queries';
import type { CloneParams } from '../utils/clone-params';
import { CreateEnvDialog } from './create-env-dialog';
import { Panel, PanelBody } from '@/components/ui/panel';

interface CloneSetupProps {
  orgId: string;
  appId: string;
  envs: Environment[];
  params: CloneParams;
  onChange: (next: CloneParams) => void;
}

/** Source (environment and deployment), target (or a new environment) and full / partial. */
export function CloneSetup({
  orgId,
  appId,
  envs,
  params,
  onChange,
}: CloneSetupProps) {
  const { data: deploys } = useCloneDeployments(orgId, appId, params.from);
  const succeeded = (deploys ?? []).filter((d) => d.status === 'succeeded');
  return (
    <Panel titleId="clone-setup-heading" title="Source and target">
      <PanelBody className="clone-setup">
        <div className="field">
          <label htmlFor="clone-from">Clone from</label>
          <select
            id="clone-from"
            className="select"
            value={params.from ?? ''}
            onChange={(e) =>
              onChange({
                ...params,
                from: e.target.value || undefined,
                deploy: undefined,
                modules: null,
                shared: null,
              })
            }
          >
            <option value="">Choose an environment…</option>
            {envs.map((env) => (
              <option key={env.id} value={env.id}>
                {envChoiceLabel(env)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="clone-deploy">Deployment</label>
          <select
            id="clone-deploy"
            className="select"
            value={params.deploy ?? ''}
            disabled={!params.from}
            onChange={(e) =>
              onChange({
                ...params,
                deploy: e.target.value || undefined,
                modules: null,
                shared: null,
              })
            }
          >
            <option value="">Latest succeeded</option>
            {params.deploy &&
              !succeeded.some((d) => d.id === params.deploy) && (
                <option value={params.deploy}>{shortId(params.deploy)}</option>
              )}
            {succeeded.map((d) => (
              <option key={d.id} value={d.id}>
                {shortId(d.id)} · {d.comment || 'No comment'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="clone-to">Clone to</label>
          <div className="row">
            <select
              id="clone-to"
              className="select"
              value={params.to ?? ''}
              onChange={(e) =>
                onChange({ ...params, to: e.target.value || undefined })
              }
            >
              <option value="">Choose an environment…</option>
              {envs.map((env) => (
                <option
                  key={env.id}
                  value={env.id}
                  disabled={env.id === params.from && !params.deploy}
                >
                  {envChoiceLabel(env, { withType: true })}
                </option>
              ))}
            </select>
            {params.from && (
              <CreateEnvDialog
                orgId={orgId}
                appId={appId}
                sourceEnvId={params.from}
                sourceDeployId={params.deploy ?? succeeded[0]?.id}
                onCreated={(envId) =>
                  onChange({ ...params, to: envId, mode: 'full' })
                }
              />
            )}
          </div>
        </div>
        <fieldset className="field clone-mode">
          <legend>What to clone</legend>
          <label>
            <input
              type="radio"
              name="clone-mode"
              checked={params.mode === 'partial'}
              onChange={() => onChange({ ...params, mode: 'partial' })}
            />{' '}
            Some workloads and shared resources
          </label>
          <label>
            <input
              type="radio"
              name="clone-mode"
              checked={params.mode === 'full'}
              onChange={() => onChange({ ...params, mode: 'full' })}
            />{' '}
            Everything (full clone)
          </label>
        </fieldset>
      </PanelBody>
    </Panel>
  );
}
