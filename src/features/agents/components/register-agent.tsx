import { useEffect, useState, type FormEvent } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { TextField } from '@/components/ui/text-field';
import type { CanResult } from '@/hooks/use-can';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';
import { useAgentChanges, useKeyCheck } from '../hooks';
import { KeyField } from './key-field';

const MAKE_KEY = `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out agent.pem
openssl pkey -in agent.pem -pubout -out agent.pub.pem`;

/** The Helm command that installs the agent in the private cluster with its private key. */
export function installCommand(orgId: string, agentId: string): string {
  return `helm install humanitec-agent oci://ghcr.io/humanitec/charts/humanitec-agent \\
  --namespace humanitec-agent --create-namespace \\
  --set humanitec.org=${orgId} \\
  --set humanitec.agentId=${agentId} \\
  --set-file humanitec.privateKey=agent.pem`;
}

/** "Register an agent": make a key, register its public half (checked in the browser first), install the agent. */
export function RegisterAgent({
  orgId,
  may,
}: {
  orgId: string;
  may: CanResult;
}) {
  const { register } = useAgentChanges(orgId);
  const [id, setId] = useState('');
  const [description, setDescription] = useState('');
  const [pem, setPem] = useState('');
  const [registered, setRegistered] = useState<string>();
  const check = useKeyCheck(pem);
  // After a registration, once the install step shows its Copy button (rendered with `registered`): focus it,
  // unless the user has put focus somewhere (the Register button, disabled while it ran, dropped it to <body>).
  const [focusInstall, setFocusInstall] = useState(0);
  useEffect(() => {
    if (focusInstall === 0) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById('install-agent-copy')?.focus();
  }, [focusInstall]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check?.ok) return;
    register.mutate(
      { id: id.trim(), publicKey: pem, description: description.trim() },
      {
        onSuccess: (agent) => {
          setRegistered(agent.id);
          setId('');
          setDescription('');
          setPem('');
          // On to the next step: installing it, with its command (and the Copy button) now naming the agent.
          setFocusInstall((n) => n + 1);
        },
        // Back to the field the refusal is about (a key in use: the key), else the id.
        onError: (error) =>
          focusFieldAfterSubmit(
            refusedFieldId(
              error,
              {
                id: 'agent-id',
                description: 'agent-description',
                public_key: 'agent-public-key',
              },
              'agent-id',
            ),
          ),
      },
    );
  };
  return (
    <Panel titleId="register-agent-heading" title="Register an agent">
      <PanelBody className="stack">
        <ol className="stack guide-steps">
          <li>
            <p>
              <strong>Make a key pair</strong> on a machine you trust (the
              private key stays with the agent; only the public half is sent):
            </p>
            <pre className="code-block">{MAKE_KEY}</pre>
            <CopyButton text={MAKE_KEY} label="the key commands" />
          </li>
          <li>
            <form
              className="stack"
              onSubmit={submit}
              aria-label="Register the agent"
            >
              <p>
                <strong>Register the agent</strong> with the contents of{' '}
                <code>agent.pub.pem</code>:
              </p>
              <div className="row">
                <TextField
                  id="agent-id"
                  label="Agent id"
                  mono
                  value={id}
                  placeholder="edge-frankfurt"
                  onChange={setId}
                />
                <TextField
                  id="agent-description"
                  label="Description (optional)"
                  value={description}
                  placeholder="Private cluster in Frankfurt"
                  onChange={setDescription}
                />
              </div>
              <KeyField
                id="agent-public-key"
                label="Public key"
                value={pem}
                onChange={setPem}
                check={check}
              />
              {register.isError && (
                <ErrorPanel
                  error={register.error}
                  action="register the agent"
                />
              )}
              <div>
                <GuardedButton
                  can={may}
                  type="submit"
                  className="button button--primary"
                  disabled={
                    register.isPending || id.trim() === '' || !check?.ok
                  }
                >
                  {register.isPending ? 'Registering…' : 'Register agent'}
                </GuardedButton>
              </div>
            </form>
          </li>
          <li>
            <p>
              <strong>Install the agent</strong> in the private cluster with its
              private key
              {registered ? (
                <>
                  {' '}
                  (agent <code>{registered}</code> is registered):
                </>
              ) : (
                ' (the command names the agent once it is registered):'
              )}
            </p>
            <pre className="code-block">
              {installCommand(orgId, registered ?? '<agent id>')}
            </pre>
            {registered && (
              <CopyButton
                id="install-agent-copy"
                text={installCommand(orgId, registered)}
                label="the install command"
              />
            )}
            <p className="muted">
              It connects out to Humanitec and shows as Connected in the list of
              agents once its first heartbeat arrives (until then: Not connected
              yet; this console&apos;s demo engine has no cluster to install
              into, so its row&apos;s <strong>Connect (demo)</strong> stands in
              for the install). Point a <code>k8s-cluster</code> definition at
              it with an <code>agent</code> definition (driver{' '}
              <code>humanitec/agent</code>, input <code>id</code>) and{' '}
              <code>{"${resources['agent.default#agent'].outputs.url}"}</code>.
            </p>
          </li>
        </ol>
      </PanelBody>
    </Panel>
  );
}
