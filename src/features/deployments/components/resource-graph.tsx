import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { DependencyGraphNode } from '@/api/resource-graphs';
import { ApiText } from '@/components/ui/api-text';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import {
  useDeployment,
  useDeploymentErrors,
  useDeploymentSet,
  useDeploymentSteps,
  useResourceGraph,
} from '../queries';
import {
  buildGraphModel,
  hasDefinitionPage,
  nodeStatusView,
  type GraphModel,
  type GraphNode,
} from '../utils/resource-graph-model';
import { ResourceGraphTable } from './resource-graph-table';
import { ResourceGraphView, type LayoutSource } from './resource-graph-view';
import './resource-graph.css';

interface Props {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
}

type View = 'graph' | 'table';

/**
 * "Resource graph": the deployment's workloads and resources, what each needs
 * and its status, as a laid-out graph or a table of the same data; a failed
 * node first, with its error and the definition that matched it.
 */
export function ResourceGraphPanel(props: Props) {
  const [view, setView] = useState<View>('graph');
  const [focusRequest, setFocusRequest] = useState<{ key: string }>();
  const data = useGraphData(props);
  const count = data.model?.nodes.length;
  return (
    <Panel
      titleId="resource-graph-heading"
      title="Resource graph"
      actions={
        <div className="row">
          {count !== undefined && <span className="muted">{count} nodes</span>}
          <div
            className="resource-graph__toggle"
            role="group"
            aria-label="Show the resource graph as"
          >
            <button
              type="button"
              aria-pressed={view === 'graph'}
              onClick={() => setView('graph')}
            >
              Graph
            </button>
            <button
              type="button"
              aria-pressed={view === 'table'}
              onClick={() => setView('table')}
            >
              Table
            </button>
          </div>
        </div>
      }
    >
      {data.state === 'none' ? (
        <PanelBody>
          <EmptyState title="This deployment has no resource graph">
            It was made before deployments recorded the resources they
            provision, or by an API that records none. The next deployment of
            this environment has one.
          </EmptyState>
        </PanelBody>
      ) : data.state === 'loading' ? (
        <PanelBody>
          <Skeleton rows={4} label="Loading the resource graph" />
        </PanelBody>
      ) : data.state === 'error' ? (
        <PanelBody>
          <ErrorPanel
            error={data.error}
            action="load the resource graph"
            onRetry={data.retry}
          />
        </PanelBody>
      ) : (
        <>
          <FailedNodes
            model={data.model}
            {...props}
            onShow={(key) => {
              setView('graph');
              setFocusRequest({ key });
            }}
          />
          {data.model.nodes.length === 0 ? (
            <PanelBody>
              <EmptyState title="Nothing was provisioned">
                The deployment's set has no workloads and no resources.
              </EmptyState>
            </PanelBody>
          ) : view === 'graph' ? (
            <ResourceGraphView
              model={data.model}
              source={data.source}
              orgId={props.orgId}
              focusRequest={focusRequest}
            />
          ) : (
            <ResourceGraphTable model={data.model} orgId={props.orgId} />
          )}
        </>
      )}
    </Panel>
  );
}

type GraphData =
  | { state: 'none'; model?: undefined }
  | { state: 'loading'; model?: undefined }
  | { state: 'error'; error: unknown; retry: () => void; model?: undefined }
  | { state: 'ready'; model: GraphModel; source: LayoutSource };

/** A graph without nodes, one object for every render (the layout is cached by it). */
const NO_NODES: readonly DependencyGraphNode[] = [];

/** The graph, the set, the errors and the steps of the deployment, as one model. */
function useGraphData({ orgId, appId, envId, deployId }: Props): GraphData {
  const { data: deployment } = useDeployment(orgId, appId, envId, deployId);
  const graphId = deployment.dependency_graph_id;
  const failed = deployment.status === 'failed';
  const graph = useResourceGraph(orgId, appId, envId, graphId);
  const set = useDeploymentSet(orgId, appId, deployment.set_id);
  const errors = useDeploymentErrors(orgId, appId, envId, deployId, failed);
  const steps = useDeploymentSteps(orgId, appId, envId, deployId);
  const model = useMemo(
    () =>
      graph.data && set.data && (!failed || errors.data)
        ? buildGraphModel({
            graphNodes: graph.data.nodes ?? NO_NODES,
            set: set.data,
            errors: errors.data ?? [],
            steps: steps.data?.steps,
            deploymentStatus: deployment.status,
          })
        : undefined,
    [graph.data, set.data, failed, errors.data, steps.data, deployment.status],
  );
  if (!graphId) return { state: 'none' };
  const broken = [graph, set, ...(failed ? [errors] : [])].find(
    (q) => q.isError,
  );
  if (broken)
    return {
      state: 'error',
      error: broken.error,
      retry: () => void broken.refetch(),
    };
  // Steps only add detail (definitions of failed resources): the graph does not wait long for them.
  if (!model || !graph.data || !set.data || steps.isPending)
    return { state: 'loading' };
  return {
    state: 'ready',
    model,
    source: { graphNodes: graph.data.nodes ?? NO_NODES, set: set.data },
  };
}

/** Each failed node with its error, the definition that matched it and its driver, before the graph. */
function FailedNodes({
  model,
  orgId,
  appId,
  envId,
  onShow,
}: Props & { model: GraphModel; onShow: (key: string) => void }) {
  const failed = model.nodes.filter((n) => n.status === 'failed');
  if (failed.length === 0) return null;
  return (
    <PanelBody className="resource-graph__failed">
      <h3 className="visually-hidden">Failed</h3>
      <ul>
        {failed.map((node) => (
          <li key={node.key}>
            <p>
              <StatusBadge status={nodeStatusView(node)} />{' '}
              <strong>
                {node.kind === 'workload' ? 'Workload' : node.type}{' '}
                <code>{node.id}</code>
              </strong>{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => onShow(node.key)}
              >
                Show in graph
              </button>
            </p>
            {node.errors.map((error, i) => (
              <p key={i} className="resource-graph__error">
                <ApiText text={error.message} />{' '}
                <span className="muted">({error.code})</span>
              </p>
            ))}
            <FailedDefinition
              node={node}
              orgId={orgId}
              appId={appId}
              envId={envId}
            />
          </li>
        ))}
      </ul>
    </PanelBody>
  );
}

function FailedDefinition({
  node,
  orgId,
  appId,
  envId,
}: {
  node: GraphNode;
  orgId: string;
  appId: string;
  envId: string;
}) {
  if (node.kind === 'workload') return null;
  const { definition } = node;
  if (!definition)
    return (
      <p className="small">
        No resource definition matched it.{' '}
        <Link
          to={paths.resourceMatch(orgId, {
            app: appId,
            env: envId,
            type: node.type,
            class: node.class,
            res: node.id,
          })}
        >
          Which definition matches {node.id}?
        </Link>
      </p>
    );
  return (
    <p className="small">
      Definition{' '}
      {hasDefinitionPage(definition) ? (
        <Link to={paths.resourceDef(orgId, definition.defId)}>
          <code>{definition.defId}</code>
        </Link>
      ) : (
        <code>{definition.defId}</code>
      )}
      {definition.versionId && (
        <>
          {' '}
          version <code>{definition.versionId}</code>
        </>
      )}
      , driver <code>{definition.driverType}</code>
    </p>
  );
}
