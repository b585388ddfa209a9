import { useState, type FormEvent } from 'react';
import type { Deployment } from '@/api/types';
import { ApiText } from '@/components/ui/api-text';
import { Panel, PanelBody } from '@/components/ui/panel';
import { describeError } from '@/lib/errors';
import { envChoiceLabel, formatRelative, shortId } from '@/lib/format';
import { deploymentStatus } from '@/lib/status';
import { useDiffDeployments, useDiffEnvironments } from '../queries';
import type { DeploymentRef } from '../utils/diff-params';

interface DeploymentPickerProps {
  orgId: string;
  appId: string;
  from?: DeploymentRef | null;
  to?: DeploymentRef | null;
  onCompare: (from: DeploymentRef, to: DeploymentRef) => void;
}

type Choice = { envId: string; deployId: string };

/** Choose any two deployments of the app, in the same or in different environments. */
export function DeploymentPicker({
  orgId,
  appId,
  from,
  to,
  onCompare,
}: DeploymentPickerProps) {
  const { data: envs } = useDiffEnvironments(orgId, appId);
  const firstEnv = envs.find((e) => e.last_deploy)?.id ?? envs[0]?.id ?? '';
  // An environment the address names, when the app has it (a deployment unknown there still picks its environment).
  const known = (envId: string | undefined) =>
    envId !== undefined && envs.some((e) => e.id === envId) ? envId : undefined;
  const [a, setA] = useState<Choice>(() => ({
    envId: known(from?.envId) ?? known(to?.envId) ?? firstEnv,
    deployId: from?.deployId ?? '',
  }));
  const [b, setB] = useState<Choice>(() => ({
    envId: known(to?.envId) ?? known(from?.envId) ?? firstEnv,
    deployId: to?.deployId ?? '',
  }));
  const queryA = useDiffDeployments(orgId, appId, a.envId || undefined);
  const queryB = useDiffDeployments(orgId, appId, b.envId || undefined);
  const listA = queryA.data;
  const listB = queryB.data;
  // Without a choice: the newest deployment on the right, the one before it (same environment) on the left.
  const deployA =
    a.deployId ||
    (a.envId === b.envId ? listA?.[1]?.id : listA?.[0]?.id) ||
    listA?.[0]?.id ||
    '';
  const deployB = b.deployId || listB?.[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (deployA && deployB)
      onCompare(
        { envId: a.envId, deployId: deployA },
        { envId: b.envId, deployId: deployB },
      );
  };
  const swap = () => {
    setA({ envId: b.envId, deployId: deployB });
    setB({ envId: a.envId, deployId: deployA });
  };
  const side = (
    label: 'From' | 'To',
    choice: Choice,
    deployId: string,
    query: typeof queryA,
    set: (c: Choice) => void,
  ) => {
    const key = label.toLowerCase();
    const list = query.data;
    return (
      <fieldset>
        <legend>{label}</legend>
        <div className="field">
          <label htmlFor={`${key}-env`}>Environment</label>
          <select
            id={`${key}-env`}
            className="select"
            value={choice.envId}
            onChange={(e) => set({ envId: e.target.value, deployId: '' })}
          >
            {envs.map((env) => (
              <option key={env.id} value={env.id}>
                {envChoiceLabel(env)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${key}-deploy`}>Deployment</label>
          <select
            id={`${key}-deploy`}
            className="select"
            value={deployId}
            disabled={!list || list.length === 0}
            onChange={(e) =>
              set({ envId: choice.envId, deployId: e.target.value })
            }
          >
            {!list && (
              <option value="">
                {query.isError ? 'Could not load' : 'Loading…'}
              </option>
            )}
            {list?.length === 0 && <option value="">No deployments yet</option>}
            {list?.map((d) => (
              <option key={d.id} value={d.id}>
                {optionText(d)}
              </option>
            ))}
          </select>
          {query.isError && !list && (
            // Without the list nothing can be chosen: say why, and offer to load it again.
            <p role="alert" className="field__error">
              Could not load the deployments of {choice.envId}:{' '}
              <ApiText text={describeError(query.error).message} />{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => void query.refetch()}
              >
                Retry
              </button>
            </p>
          )}
        </div>
      </fieldset>
    );
  };
  return (
    <Panel
      as="details"
      className="diff-picker-panel"
      open={!from?.deployId || !to?.deployId}
    >
      <summary>Choose deployments to compare</summary>
      <PanelBody
        as="form"
        className="diff-picker"
        onSubmit={submit}
        aria-label="Choose two deployments"
      >
        {side('From', a, deployA, queryA, setA)}
        <button
          type="button"
          className="button"
          onClick={swap}
          aria-label="Swap from and to"
        >
          ⇄ Swap
        </button>
        {side('To', b, deployB, queryB, setB)}
        <button
          type="submit"
          className="button button--primary"
          disabled={!deployA || !deployB}
        >
          Compare
        </button>
      </PanelBody>
    </Panel>
  );
}

function optionText(d: Deployment) {
  const comment = d.comment
    ? d.comment.length > 48
      ? `${d.comment.slice(0, 47)}…`
      : d.comment
    : 'No comment';
  return `${shortId(d.id)} · ${comment} · ${deploymentStatus(d.status).label} · ${formatRelative(d.created_at)}`;
}
