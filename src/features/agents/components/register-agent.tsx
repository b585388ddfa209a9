import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '@/api/client';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { TextField } from '@/components/ui/text-field';
import type { CanResult } from '@/hooks/use-can';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { focusFieldAfterSubmit, refusedFieldId } from '@/lib/focus';
import { agentIdProblem, AGENT_ID_RULE } from '../agent-id';
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

interface Draft {
  id: string;
  description: string;
  pem: string;
}

const EMPTY: Draft = { id: '', description: '', pem: '' };

/**
 * What of the form is kept for a reload: the id, the description and a public key. Nothing in it is secret, but a
 * private key pasted by mistake (the field says so) is never written to the browser's storage: only text that is a
 * public key block and names no private key is kept.
 */
export function storedDraft(draft: Draft): Draft {
  const publicOnly =
    /-----BEGIN PUBLIC KEY-----/.test(draft.pem) && !/PRIVATE/i.test(draft.pem);
  return publicOnly ? draft : { ...draft, pem: '' };
}

/** Focuses the Rotate key action of `agentId`'s row in the agents table (either step), when it is there. */
function focusRotateKey(agentId: string) {
  const row = [
    ...document.querySelectorAll<HTMLElement>('tr[data-agent]'),
  ].find((tr) => tr.dataset.agent === agentId);
  row?.querySelector<HTMLElement>('[aria-label^="Rotate key of "]')?.focus();
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
  // A draft kept across a reload, as other editors keep theirs (see storedDraft for what is written).
  const [draft, setDraft, clearDraft] = usePersistentState<Draft>(
    `console.agents.register-draft:${orgId}`,
    EMPTY,
    { stored: storedDraft },
  );
  const { id, description, pem } = draft;
  const edit = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  // The id's rule is checked here as the API checks it: said once the field is left or the form is sent.
  const [idTried, setIdTried] = useState(false);
  const idError = idTried ? agentIdProblem(id.trim()) : undefined;
  // The id the API refused as taken: its row's Rotate key is the way to give that agent a new key.
  const [taken, setTaken] = useState<string>();
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
    setIdTried(true);
    if (agentIdProblem(id.trim())) {
      document.getElementById('agent-id')?.focus();
      return;
    }
    if (!check?.ok) return;
    setTaken(undefined);
    const sent = id.trim();
    register.mutate(
      { id: sent, publicKey: pem, description: description.trim() },
      {
        onSuccess: (agent) => {
          setRegistered(agent.id);
          clearDraft();
          setIdTried(false);
          // On to the next step: installing it, with its command (and the Copy button) now naming the agent.
          setFocusInstall((n) => n + 1);
        },
        // Back to the field the refusal is about (a key in use: the key), else the id.
        onError: (error) => {
          if (
            error instanceof ApiError &&
            error.status === 409 &&
            error.body.details?.field === 'id'
          )
            setTaken(sent);
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
          );
        },
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
              <div className="row agent-register-fields">
                <div className="field">
                  <label htmlFor="agent-id">Agent id</label>
                  <input
                    id="agent-id"
                    className="input mono"
                    value={id}
                    placeholder="edge-frankfurt"
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={idError ? true : undefined}
                    aria-describedby={
                      idError ? 'agent-id-error agent-id-rule' : 'agent-id-rule'
                    }
                    onChange={(e) => edit({ id: e.target.value })}
                    onBlur={() => id.trim() !== '' && setIdTried(true)}
                  />
                  <p id="agent-id-rule" className="field__hint">
                    {AGENT_ID_RULE}
                  </p>
                  {idError && (
                    <p id="agent-id-error" className="field__error">
                      {idError}
                    </p>
                  )}
                </div>
                <TextField
                  id="agent-description"
                  label="Description (optional)"
                  value={description}
                  placeholder="Private cluster in Frankfurt"
                  onChange={(value) => edit({ description: value })}
                />
              </div>
              <KeyField
                id="agent-public-key"
                label="Public key"
                value={pem}
                onChange={(value) => edit({ pem: value })}
                check={check}
              />
              {register.isError && (
                <ErrorPanel
                  error={register.error}
                  action="register the agent"
                />
              )}
              {register.isError && taken && (
                <p className="agent-taken-hint">
                  Agent <code>{taken}</code> is already registered. To give it a
                  new key, use <strong>Rotate key</strong> in its row of the
                  agents table.{' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => focusRotateKey(taken)}
                  >
                    Go to Rotate key of {taken}
                  </button>
                </p>
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
