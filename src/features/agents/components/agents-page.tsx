import { EmptyState } from '@/components/ui/empty-state';
import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { useCan } from '@/hooks/use-can';
import { useAgentOverview } from '../hooks';
import { AgentsTable } from './agents-table';
import { RegisterAgent } from './register-agent';
import './agents.css';

/**
 * The Agents page (administrators): the organisation's Humanitec Agents with
 * their connectivity, keys and dependants, and the guide to register one.
 */
export function AgentsPage({ orgId }: { orgId: string }) {
  const can = useCan(orgId, 'manage-org');
  const may = can.allowed
    ? can
    : {
        ...can,
        reason: `Agents are managed by administrators of organisation ${orgId}.`,
      };
  const agents = useAgentOverview(orgId);
  if (!can.loading && !can.allowed)
    return (
      <Panel title="Agents" titleId="agents-heading">
        <PanelBody>
          <p>
            Agents are for administrators: ask an administrator of{' '}
            <code>{orgId}</code> to register one or to look at their status.
          </p>
        </PanelBody>
      </Panel>
    );
  return (
    <>
      <Panel title="Agents" titleId="agents-heading">
        <PanelBody className="stack">
          <p className="muted">
            An agent runs inside a private network and calls out to Humanitec,
            so its clusters are reached without exposing anything. It sends a
            heartbeat every 30 seconds and is disconnected after 90 seconds of
            silence; keys expire two years after they are registered.
          </p>
          <QueryState query={agents} what="agents" rows={3}>
            {(data) =>
              data === null ? (
                <p>
                  This API does not offer the console&apos;s agent overview; use{' '}
                  <code>GET /orgs/{orgId}/agents</code>.
                </p>
              ) : data.length === 0 ? (
                <EmptyState title="No agents yet">
                  Register one below to reach a private cluster.
                </EmptyState>
              ) : (
                <AgentsTable orgId={orgId} agents={data} may={may} />
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
      <RegisterAgent orgId={orgId} may={may} />
    </>
  );
}
