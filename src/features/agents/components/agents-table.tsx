import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AgentOverview } from '@/api/agents';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { CopyIconButton } from '@/components/ui/copy-icon-button';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { FormDialog } from '@/components/ui/form-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { RelativeTime } from '@/components/ui/relative-time';
import { focusIsLost } from '@/lib/focus';
import { formatDay } from '@/lib/format';
import { agentNeverConnected, agentStatus } from '@/lib/status';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import type { CanResult } from '@/hooks/use-can';
import { useAgentChanges, useKeyCheck } from '../hooks';
import { keyExpiry, shortFingerprint } from '../key-check';
import { KeyField } from './key-field';

type Key = AgentOverview['keys'][number];

/** A key's expiry: the date, and a warning from 30 days ahead. */
function Expiry({ iso }: { iso: string }) {
  const { tone, label } = keyExpiry(iso, formatDay(iso));
  if (tone === 'none') return <span className="muted">{label}</span>;
  return <StatusBadge status={{ tone, label }} />;
}

/** One key: its shortened fingerprint with a copy button, and its expiry. */
function KeyLine({ agentId, keyInfo }: { agentId: string; keyInfo: Key }) {
  return (
    <>
      <span className="short-id agent-key">
        <code title={keyInfo.fingerprint}>
          {shortFingerprint(keyInfo.fingerprint)}
        </code>
        <CopyIconButton
          text={keyInfo.fingerprint}
          label={`fingerprint of a key of ${agentId}`}
        />
      </span>{' '}
      {/* Under the fingerprint: side by side they made the column too wide for the actions at 1280 px. */}
      <span className="agent-key-expiry">
        <Expiry iso={keyInfo.expired_at} />
      </span>
    </>
  );
}

/**
 * Guided key rotation: step 1 adds the new key (checked in the browser);
 * step 2, offered once the agent holds more than one key, deletes the old
 * one. An agent always keeps a key.
 */
function RotateKey({
  orgId,
  agent,
  may,
}: {
  orgId: string;
  agent: AgentOverview;
  may: CanResult;
}) {
  const { addKey, deleteKey } = useAgentChanges(orgId);
  const [open, setOpen] = useState(false);
  const [pem, setPem] = useState('');
  const check = useKeyCheck(pem);
  const oldest = agent.keys[0];
  if (agent.keys.length > 1 && oldest)
    return (
      <ConfirmDelete
        can={may}
        label={`Rotate key of ${agent.id}, step 2: delete the old key ${shortFingerprint(oldest.fingerprint)}`}
        text="Delete the old key"
        title={`Delete the old key of ${agent.id}?`}
        confirmLabel="Delete old key"
        remove={deleteKey}
        variables={{ agentId: agent.id, fingerprint: oldest.fingerprint }}
      >
        <p>
          Step 2 of the rotation. Install the agent with its new private key
          first: once <code>{shortFingerprint(oldest.fingerprint)}</code> is
          deleted the agent can no longer sign in with it.
        </p>
      </ConfirmDelete>
    );
  return (
    <>
      <GuardedButton
        can={may}
        className="button button--small"
        aria-label={`Rotate key of ${agent.id}`}
        onClick={() => {
          setPem('');
          addKey.reset();
          setOpen(true);
        }}
      >
        Rotate key
      </GuardedButton>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        unsaved={pem.trim() !== ''}
        title={`Rotate the key of ${agent.id}`}
        description="Step 1 of 2: add the new public key (make it as when registering). Then install the agent with the new private key, and delete the old key (step 2)."
        submitLabel="Add new key"
        pending={addKey.isPending}
        canSubmit={check?.ok === true}
        error={
          addKey.isError && (
            <ErrorPanel error={addKey.error} action="add the key" />
          )
        }
        onSubmit={() =>
          addKey.mutate(
            { agentId: agent.id, pem },
            { onSuccess: () => setOpen(false) },
          )
        }
      >
        <KeyField
          id={`rotate-${agent.id}`}
          label="New public key"
          value={pem}
          onChange={setPem}
          check={check}
        />
      </FormDialog>
    </>
  );
}

/**
 * The demo's cut-off: stops the simulated agent's heartbeats, or lets it reconnect; for an agent that never
 * connected, "Connect" stands in for installing it (the demo has no cluster to install into).
 */
function ConnectivityToggle({
  orgId,
  agent,
  may,
}: {
  orgId: string;
  agent: AgentOverview;
  may: CanResult;
}) {
  const { connectivity } = useAgentChanges(orgId);
  // Disabled while the change runs, the button drops focus to the page's body: once it is usable again (as
  // "Reconnect" or "Cut off"), it takes focus back, unless the user has put it somewhere meanwhile.
  const pressed = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const button = pressed.current;
    if (connectivity.isPending || !button) return;
    pressed.current = null;
    if (button.isConnected && focusIsLost(button)) button.focus();
  }, [connectivity.isPending]);
  const connected = agent.status === 'connected';
  const verb = connected
    ? 'Cut off'
    : agentNeverConnected(agent)
      ? 'Connect'
      : 'Reconnect';
  return (
    <GuardedButton
      can={may}
      className="button button--small"
      aria-label={`${verb} agent ${agent.id} (demo${verb === 'Connect' ? ': as if installed' : ''})`}
      disabled={connectivity.isPending}
      onClick={(event) => {
        pressed.current = event.currentTarget;
        connectivity.mutate({ agentId: agent.id, connected: !connected });
      }}
    >
      {verb} (demo)
    </GuardedButton>
  );
}

/** The agents: status, version, last seen, keys, what depends on each, and the actions. */
export function AgentsTable({
  orgId,
  agents,
  may,
}: {
  orgId: string;
  agents: AgentOverview[];
  may: CanResult;
}) {
  const { remove } = useAgentChanges(orgId);
  return (
    <DataTable
      caption="Agents"
      label="Agents, scrollable"
      className="table--stack agents-table"
      columns={[
        'Agent',
        'Status',
        'Keys',
        'Used by',
        <span className="visually-hidden">Actions</span>,
      ]}
      rows={agents}
      renderRow={(agent) => (
        <tr key={agent.id} data-agent={agent.id}>
          <th scope="row" data-label="Agent">
            <code>{agent.id}</code>
            {agent.description && (
              <div className="muted">{agent.description}</div>
            )}
          </th>
          <td data-label="Status">
            <StatusBadge status={agentStatus(agent)} />
            {/* What its heartbeats report, under the status (two narrow columns of their own squeezed the rest). */}
            <div className="muted agent-seen">
              {agent.version ? (
                <>Version {agent.version}</>
              ) : (
                'No version reported'
              )}
              {' · '}
              {agent.last_seen_at ? (
                <>
                  last seen <RelativeTime iso={agent.last_seen_at} />
                </>
              ) : (
                'never seen'
              )}
            </div>
          </td>
          <td data-label="Keys">
            <ul className="agent-keys" aria-label={`Keys of ${agent.id}`}>
              {agent.keys.map((key) => (
                <li key={key.fingerprint}>
                  <KeyLine agentId={agent.id} keyInfo={key} />
                </li>
              ))}
            </ul>
          </td>
          <td data-label="Used by">
            {agent.environments.length === 0 ? (
              <span className="muted">No cluster goes through it</span>
            ) : (
              <ul className="agent-dependants">
                {agent.clusters.map((defId) => (
                  <li key={defId}>
                    Cluster{' '}
                    <Link to={paths.resourceDef(orgId, defId)}>{defId}</Link>
                  </li>
                ))}
                {agent.environments.map((e) => (
                  <li key={`${e.app_id}/${e.env_id}`}>
                    <Link to={paths.env(orgId, e.app_id, e.env_id)}>
                      {e.app_id}/{e.env_id}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </td>
          <td data-label="Actions">
            <div className="row">
              <RotateKey orgId={orgId} agent={agent} may={may} />
              <ConnectivityToggle orgId={orgId} agent={agent} may={may} />
              <ConfirmDelete
                can={may}
                label={`Delete agent ${agent.id}`}
                title={`Delete agent ${agent.id}?`}
                confirmLabel="Delete agent"
                remove={remove}
                variables={agent.id}
              >
                <p>
                  Its keys go with it; clusters reached through it can no longer
                  be deployed to.
                </p>
              </ConfirmDelete>
            </div>
          </td>
        </tr>
      )}
    />
  );
}
