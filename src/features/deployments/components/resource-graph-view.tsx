import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { DependencyGraphNode } from '@/api/resource-graphs';
import type { DeploymentSet } from '@/api/types';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge, StatusIcon } from '@/components/ui/status-badge';
import {
  layoutOfGraph,
  NODE_HEIGHT,
  NODE_WIDTH,
} from '../utils/load-resource-graph-layout';
import { layoutOrder, moveFocus } from '../utils/resource-graph-keyboard';
import type { GraphLayout, Point } from '../utils/resource-graph-layout';
import {
  nodeStatusView,
  type GraphModel,
  type GraphNode,
} from '../utils/resource-graph-model';
import { DefinitionCell } from './resource-graph-table';

/** Characters of an id that fit on a node (13 px monospace). */
const ID_CHARS = 24;

/** What the graph's shape comes from: the dependency graph's nodes and the set (the query cache's objects). */
export interface LayoutSource {
  graphNodes: readonly DependencyGraphNode[];
  set: Pick<DeploymentSet, 'modules' | 'shared'>;
}

interface Props {
  model: GraphModel;
  source: LayoutSource;
  orgId: string;
  /** Move focus to a node and open its details (from "Show in graph"). */
  focusRequest?: { key: string };
}

/**
 * The resource graph drawn: nodes (type, id, status as icon and word) and
 * edges from each node to what it needs, laid out left to right off the main
 * thread. One node is in the tab order (the failed one first); arrows move
 * along edges or in layout order, Enter or a click shows a node's details.
 */
export function ResourceGraphView({
  model,
  source,
  orgId,
  focusRequest,
}: Props) {
  const layout = useGraphLayout(source);
  const [active, setActive] = useState(model.nodes[0]?.key);
  const [selected, setSelected] = useState<string>();
  const svgRef = useRef<SVGSVGElement>(null);
  const hintId = useId();
  const markerId = `arrow${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const order = useMemo(
    () => (layout.data ? layoutOrder(layout.data.nodes) : []),
    [layout.data],
  );

  const focusElement = useCallback((key: string) => {
    const element = svgRef.current?.querySelector<SVGGElement>(
      `[data-key="${key.replace(/["\\]/g, '\\$&')}"]`,
    );
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, []);
  const focusNode = (key: string) => {
    setActive(key);
    focusElement(key);
  };

  // "Show in graph": the node becomes the tab stop and its details open once the graph is drawn.
  const [handledRequest, setHandledRequest] = useState<{ key: string }>();
  if (focusRequest && focusRequest !== handledRequest && layout.data) {
    setHandledRequest(focusRequest);
    setActive(focusRequest.key);
    setSelected(focusRequest.key);
  }
  useEffect(() => {
    if (focusRequest && layout.data) focusElement(focusRequest.key);
  }, [focusRequest, layout.data, focusElement]);

  if (layout.error)
    return (
      <PanelBody>
        <ErrorPanel error={layout.error} action="lay the resource graph out" />
      </PanelBody>
    );
  if (!layout.data)
    return (
      <PanelBody>
        <Skeleton
          rows={4}
          label={`Laying out ${model.nodes.length} workloads and resources`}
        />
      </PanelBody>
    );
  const { data } = layout;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const key = (event.target as Element)
      .closest('[data-key]')
      ?.getAttribute('data-key');
    if (!key) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setSelected(key);
      return;
    }
    if (event.key === 'Escape') {
      setSelected(undefined);
      return;
    }
    const next = moveFocus(model, order, key, event.key);
    if (next === undefined) return;
    event.preventDefault();
    focusNode(next);
  };

  const highlighted = selected ?? active;
  const selectedNode = selected ? model.byKey.get(selected) : undefined;
  return (
    <div className="resource-graph">
      <p id={hintId} className="small muted resource-graph__hint">
        Right arrow: to what a node needs. Left arrow: to what uses it. Up and
        down: the next node. Enter: details.
      </p>
      <div className="resource-graph__scroll">
        <svg
          ref={svgRef}
          className="resource-graph__svg"
          width={data.width}
          height={data.height}
          viewBox={`0 0 ${data.width} ${data.height}`}
          role="group"
          aria-label={`Resource graph: ${model.nodes.length} workloads and resources`}
          aria-describedby={hintId}
          onKeyDown={onKeyDown}
        >
          <defs>
            <marker
              id={markerId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0 0L10 5L0 10z" className="resource-graph__arrow" />
            </marker>
          </defs>
          <g aria-hidden="true">
            {data.edges.map((edge) => (
              <path
                key={`${edge.from}>${edge.to}`}
                className={
                  edge.from === highlighted || edge.to === highlighted
                    ? 'resource-graph__edge resource-graph__edge--on'
                    : 'resource-graph__edge'
                }
                d={edgePath(edge, data.nodes)}
                markerEnd={`url(#${markerId})`}
              />
            ))}
          </g>
          {model.nodes.map((node) => {
            const at = data.nodes[node.key];
            if (!at) return null;
            return (
              <NodeBox
                key={node.key}
                node={node}
                at={at}
                active={node.key === active}
                selected={node.key === selected}
                onSelect={(key) => {
                  setActive(key);
                  setSelected(key);
                }}
              />
            );
          })}
        </svg>
      </div>
      {selectedNode && (
        <NodeDetails
          node={selectedNode}
          model={model}
          orgId={orgId}
          onGo={(key) => {
            setSelected(key);
            focusNode(key);
          }}
        />
      )}
    </div>
  );
}

interface LayoutState {
  data?: GraphLayout;
  error?: unknown;
}

/** The graph laid out (in the layout worker, usually started by the page's loader); undefined until it is. */
function useGraphLayout({ graphNodes, set }: LayoutSource): LayoutState {
  const [state, setState] = useState<LayoutState & Partial<LayoutSource>>({});
  useEffect(() => {
    let current = true;
    layoutOfGraph(graphNodes, set).then(
      (data) => current && setState({ data, graphNodes, set }),
      (error: unknown) => current && setState({ error, graphNodes, set }),
    );
    return () => {
      current = false;
    };
  }, [graphNodes, set]);
  // A layout of another graph or set is not shown for this one.
  return state.graphNodes === graphNodes && state.set === set ? state : {};
}

function pathOf(points: Point[]): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join('');
}

const xy = (p: Point) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`;

/**
 * An edge from the right side of the node that depends to the left side of the node it needs, through
 * dagre's bends of a longer edge, as curves that leave and arrive level. Dagre's own polyline aims at the
 * target's centre: to a node far down the next column it entered through the top, under the nodes above
 * it; a curve between two columns stays in the gap between them.
 */
export function edgePath(
  edge: GraphLayout['edges'][number],
  nodes: GraphLayout['nodes'],
): string {
  const from = nodes[edge.from];
  const to = nodes[edge.to];
  const start = from && { x: from.x + NODE_WIDTH / 2, y: from.y };
  const end = to && { x: to.x - NODE_WIDTH / 2, y: to.y };
  // A reversed edge (a cycle dagre broke) keeps dagre's polyline.
  if (!start || !end || end.x <= start.x) return pathOf(edge.points);
  // Between neighbouring columns dagre's one bend is its label's place, sometimes above the drawing: a
  // curve straight across the gap. A longer edge goes through its bends in the columns it crosses.
  const bends = edge.points.length > 3 ? edge.points.slice(1, -1) : [];
  const stops = [start, ...bends, end];
  let d = `M${xy(start)}`;
  for (let i = 1; i < stops.length; i += 1) {
    const a = stops[i - 1];
    const b = stops[i];
    const mid = (a.x + b.x) / 2;
    d += `C${xy({ x: mid, y: a.y })} ${xy({ x: mid, y: b.y })} ${xy(b)}`;
  }
  return d;
}

/** `modules.api.exter…cache`: the start and the end of a long id. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.floor((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}

/** What a node's name says to a screen reader: id, type, class, status, and its edges. */
function nodeLabel(node: GraphNode): string {
  const what = node.kind === 'workload' ? 'workload' : node.type;
  const cls = node.class !== 'default' ? `, class ${node.class}` : '';
  return `${node.id}, ${what}${cls}: ${nodeStatusView(node).label}. Needs ${node.dependsOn.length}, used by ${node.usedBy.length}.`;
}

const NodeBox = memo(function NodeBox({
  node,
  at,
  active,
  selected,
  onSelect,
}: {
  node: GraphNode;
  at: Point;
  active: boolean;
  selected: boolean;
  onSelect: (key: string) => void;
}) {
  const view = nodeStatusView(node);
  return (
    <g
      data-key={node.key}
      className={`resource-graph__node resource-graph__node--${node.status}${selected ? ' resource-graph__node--selected' : ''}`}
      transform={`translate(${at.x - NODE_WIDTH / 2} ${at.y - NODE_HEIGHT / 2})`}
      tabIndex={active ? 0 : -1}
      role="button"
      aria-label={nodeLabel(node)}
      aria-pressed={selected}
      onClick={() => onSelect(node.key)}
    >
      <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx="6" />
      <g transform="translate(10 9)">
        <StatusIcon tone={view.tone} />
      </g>
      <text x="30" y="20" className="resource-graph__kind">
        {view.label} · {node.kind === 'workload' ? 'workload' : node.type}
      </text>
      <text x="10" y="40" className="resource-graph__id">
        {fitText(node.id, ID_CHARS)}
      </text>
    </g>
  );
});

/** The chosen node: what it is, its status and error, its definition, what it needs and what uses it. */
function NodeDetails({
  node,
  model,
  orgId,
  onGo,
}: {
  node: GraphNode;
  model: GraphModel;
  orgId: string;
  onGo: (key: string) => void;
}) {
  const headingId = useId();
  const links = (keys: string[]) =>
    keys.length === 0 ? (
      <span className="muted">None</span>
    ) : (
      <ul className="resource-graph__links">
        {keys.map((key) => (
          <li key={key}>
            <button
              type="button"
              className="button button--small"
              onClick={() => onGo(key)}
            >
              {model.byKey.get(key)?.id ?? key}
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <section
      className="resource-graph__details"
      aria-labelledby={headingId}
      aria-live="polite"
    >
      <h3 id={headingId}>
        <code>{node.id}</code> <StatusBadge status={nodeStatusView(node)} />
      </h3>
      {node.errors.map((error, i) => (
        <p key={i} className="resource-graph__error">
          <ApiText text={error.message} />{' '}
          <span className="muted">({error.code})</span>
        </p>
      ))}
      <dl className="resource-graph__facts">
        <dt>Type</dt>
        <dd>{node.kind === 'workload' ? 'workload' : node.type}</dd>
        <dt>Class</dt>
        <dd>{node.class}</dd>
        {node.kind === 'resource' && (
          <>
            <dt>Definition</dt>
            <dd>
              <DefinitionCell orgId={orgId} definition={node.definition} />
            </dd>
          </>
        )}
        <dt>Needs</dt>
        <dd>{links(node.dependsOn)}</dd>
        <dt>Used by</dt>
        <dd>{links(node.usedBy)}</dd>
      </dl>
    </section>
  );
}
