import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';
import { server } from '../../../mocks/node';
import { rsaPublicKey } from '../../../mocks/testing/agent-keys';

const paste = (field: HTMLElement, text: string) =>
  fireEvent.change(field, { target: { value: text } });

/**
 * A browser drops focus to the page's body when the focused button is disabled; jsdom keeps it there. Does as a
 * browser does until the returned stop is called.
 */
function dropFocusFromDisabled(): () => void {
  const observer = new MutationObserver(() => {
    if (!document.activeElement?.matches(':disabled')) return;
    // jsdom will not blur a disabled button: focus something that then leaves the page.
    const sink = document.createElement('span');
    sink.tabIndex = -1;
    document.body.append(sink);
    sink.focus();
    sink.remove();
  });
  observer.observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
  return () => observer.disconnect();
}

describe('Agents page', () => {
  it('lists the demo agents with status, keys and the expiry warning; registers one from the guide with a key checked in the browser; cuts it off', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/agents');
    const table = await screen.findByRole('table', { name: 'Agents' });
    const legacy = within(table).getByRole('row', { name: /edge-legacy/ });
    expect(within(legacy).getByText('Connected')).toBeInTheDocument();
    // The test engine's clock is not the browser's: the badge says 'Expires in 10 days' or 'Expired', with the date.
    expect(
      within(legacy).getByText(
        /^(Expires in \d+ days? \(|Expired )25 Jan 2026/,
      ),
    ).toBeInTheDocument();
    const eu = within(table).getByRole('row', { name: /edge-eu/ });
    // Half-way through a rotation: two keys, and step 2 offered.
    expect(within(eu).getAllByRole('listitem')).toHaveLength(2);
    expect(
      within(eu).getByRole('button', { name: /Rotate key of edge-eu, step 2/ }),
    ).toBeInTheDocument();

    const guide = screen.getByRole('region', { name: 'Register an agent' });
    expect(guide.textContent).toContain(
      'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096',
    );
    const keyField = within(guide).getByLabelText('Public key');
    paste(keyField, rsaPublicKey(2048));
    expect(
      await within(guide).findByText(
        'This is a 2048-bit RSA key; agents need at least 4096 bits.',
      ),
    ).toBeInTheDocument();
    const register = within(guide).getByRole('button', {
      name: 'Register agent',
    });
    expect(register).toBeDisabled();
    await user.type(within(guide).getByLabelText('Agent id'), 'edge-test');
    const key = rsaPublicKey(4096);
    paste(keyField, key);
    await within(guide).findByText(
      /RSA 4096 bits, fingerprint .*ready to send/,
    );
    await user.click(register);
    await within(table).findByRole('row', { name: /edge-test/ });
    expect(guide.textContent).toContain('--set humanitec.agentId=edge-test');

    // The same key for another agent: refused as a key in use (not "reload"), and focus goes to the key.
    await user.type(within(guide).getByLabelText('Agent id'), 'edge-test-2');
    paste(keyField, key);
    await within(guide).findByText(
      /RSA 4096 bits, fingerprint .*ready to send/,
    );
    await user.click(register);
    const refusal = await within(guide).findByRole('alert');
    expect(refusal).toHaveTextContent('This key is in use');
    expect(refusal).toHaveTextContent(/Each agent needs a key of its own/);
    expect(refusal).not.toHaveTextContent(/Reload/);
    await waitFor(() => expect(keyField).toHaveFocus());
    expect(
      within(table).queryByRole('row', { name: /edge-test-2/ }),
    ).not.toBeInTheDocument();

    // Registered, not installed: not connected yet (not "Disconnected"), no version reported.
    const row = () =>
      within(table).getByRole('row', { name: /edge-test(?!-)/ });
    expect(within(row()).getByText('Not connected yet')).toBeInTheDocument();
    expect(row()).toHaveTextContent('No version reported · never seen');
    await user.click(
      within(row()).getByRole('button', {
        name: 'Connect agent edge-test (demo: as if installed)',
      }),
    );
    await waitFor(() =>
      expect(within(row()).getByText('Connected')).toBeInTheDocument(),
    );
    await user.click(
      within(row()).getByRole('button', {
        name: 'Cut off agent edge-test (demo)',
      }),
    );
    await waitFor(() =>
      expect(
        within(within(table).getByRole('row', { name: /edge-test/ })).getByText(
          'Disconnected',
        ),
      ).toBeInTheDocument(),
    );
  });

  it('gives focus back to the cut-off button once its change is done (disabled meanwhile), now offering to reconnect', async () => {
    // An answer that takes a moment, as over a network (the test engine answers before the button is disabled).
    server.use(
      http.put(
        '*/api/orgs/:orgId/console/agents/:agentId/connectivity',
        async () => {
          await delay(100);
          return undefined; // then the engine's own handler
        },
      ),
    );
    const user = userEvent.setup();
    renderApp('/orgs/acme/agents');
    const table = await screen.findByRole('table', { name: 'Agents' });
    const legacy = within(table).getByRole('row', { name: /edge-legacy/ });
    const cutOff = within(legacy).getByRole('button', {
      name: 'Cut off agent edge-legacy (demo)',
    });
    const stop = dropFocusFromDisabled();
    try {
      await user.click(cutOff);
      await waitFor(() => expect(cutOff).toBeDisabled());
      await waitFor(() =>
        expect(within(legacy).getByText('Disconnected')).toBeInTheDocument(),
      );
      await waitFor(() =>
        expect(
          within(legacy).getByRole('button', {
            name: 'Reconnect agent edge-legacy (demo)',
          }),
        ).toHaveFocus(),
      );
    } finally {
      stop();
    }
  });

  it('tells a non-administrator that agents are for administrators', async () => {
    setApiToken('hum_demo_developer_token');
    renderApp('/orgs/acme/agents');
    expect(
      await screen.findByText(/Agents are for administrators/),
    ).toBeInTheDocument();
  });

  it("lists each organisation's agents with their status in the fleet", async () => {
    renderApp('/orgs/acme/fleet');
    const agents = await screen.findByRole('list', {
      name: 'Agents of Acme Corp',
    });
    expect(
      within(agents)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['edge-eu Connected', 'edge-legacy Connected']);
  });

  it('keeps the register form across a reload; shows the id rule before sending and checks it as the API does', async () => {
    const user = userEvent.setup();
    const first = renderApp('/orgs/acme/agents');
    let guide = await screen.findByRole('region', {
      name: 'Register an agent',
    });
    const id = within(guide).getByLabelText('Agent id');
    // The rule is there before anything is typed.
    expect(id).toHaveAccessibleDescription(
      '2 to 50 lowercase letters, digits and single dashes, starting and ending with a letter or digit (e.g. edge-frankfurt).',
    );
    await user.type(id, 'Edge_1');
    await user.tab();
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(id).toHaveAccessibleDescription(
      /^Not allowed: “E”, “_”; use lowercase letters, digits and dashes only\. 2 to 50/,
    );
    await user.clear(id);
    await user.type(id, 'e'.repeat(51));
    expect(id).toHaveAccessibleDescription(
      /^Too long: 51 characters, the id has at most 50\. 2 to 50/,
    );
    await user.clear(id);
    await user.type(id, 'edge-draft');
    expect(id).not.toHaveAttribute('aria-invalid');
    await user.type(
      within(guide).getByLabelText('Description (optional)'),
      'Kept',
    );
    paste(within(guide).getByLabelText('Public key'), rsaPublicKey(4096));
    first.unmount();

    // A reload: the draft is back, the key checked again.
    renderApp('/orgs/acme/agents');
    guide = await screen.findByRole('region', { name: 'Register an agent' });
    expect(within(guide).getByLabelText('Agent id')).toHaveValue('edge-draft');
    expect(within(guide).getByLabelText('Description (optional)')).toHaveValue(
      'Kept',
    );
    await within(guide).findByText(
      /RSA 4096 bits, fingerprint .*ready to send/,
    );
  });

  it("an id that is taken points at that agent's Rotate key", async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/agents');
    const table = await screen.findByRole('table', { name: 'Agents' });
    const guide = screen.getByRole('region', { name: 'Register an agent' });
    await user.type(within(guide).getByLabelText('Agent id'), 'edge-legacy');
    paste(within(guide).getByLabelText('Public key'), rsaPublicKey(4096));
    await within(guide).findByText(/ready to send/);
    await user.click(
      within(guide).getByRole('button', { name: 'Register agent' }),
    );
    expect(await within(guide).findByRole('alert')).toHaveTextContent(
      'already registered',
    );
    const go = within(guide).getByRole('button', {
      name: 'Go to Rotate key of edge-legacy',
    });
    expect(go.closest('p')).toHaveTextContent(
      'Agent edge-legacy is already registered. To give it a new key, use Rotate key in its row of the agents table.',
    );
    await user.click(go);
    expect(
      within(within(table).getByRole('row', { name: /edge-legacy/ })).getByRole(
        'button',
        { name: 'Rotate key of edge-legacy' },
      ),
    ).toHaveFocus();
  });
});
