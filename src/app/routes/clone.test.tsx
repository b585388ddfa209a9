import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';
import { getEngine, server } from '../../../mocks/node';

const CART =
  '/orgs/acme/apps/shop/clone?from=development&to=staging&modules=cart&shared=';

describe('clone between environments', () => {
  it('starts empty, then previews the proposed selection once source and target are chosen', async () => {
    const { router } = renderApp('/orgs/acme/apps/shop/clone?from=development');
    expect(
      await screen.findByText('Choose what to clone and where'),
    ).toBeInTheDocument();
    // The choices name each environment once: the id only where the name does not say it, the type in words.
    const to = screen.getByLabelText('Clone to', { exact: true });
    expect(
      within(to).getByRole('option', { name: 'Production · type production' }),
    ).toHaveValue('production');
    await userEvent.selectOptions(to, 'staging');
    const checklist = await screen.findByRole('region', {
      name: 'What to clone',
    });
    // Every differing item is proposed (cart, not the equal api) but frontend, which is failing in development:
    // left out, saying so, until it is ticked.
    expect(
      await within(checklist).findByRole('checkbox', { name: /^cart/ }),
    ).toBeChecked();
    expect(
      within(checklist).getByRole('checkbox', { name: /^frontend/ }),
    ).not.toBeChecked();
    expect(
      within(checklist).getByRole('checkbox', { name: /^api/ }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('note', { name: 'Before you apply' }),
    ).toHaveTextContent(
      'Left out, not healthy in development: frontend. Tick it above to copy it as it runs there.',
    );
    await userEvent.click(
      within(checklist).getByRole('checkbox', { name: /^frontend/ }),
    );
    await waitFor(() =>
      expect(
        new URLSearchParams(router.state.location.search)
          .get('modules')
          ?.split(',')
          .sort(),
      ).toEqual(['cart', 'frontend']),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('note', { name: 'Before you apply' }),
      ).not.toHaveTextContent('Left out'),
    );
  });

  it('says what is wrong with a new target environment id in words, and sends nothing', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/clone?from=development');
    await user.click(
      await screen.findByRole('button', { name: 'New environment…' }),
    );
    const dialog = await screen.findByRole('dialog');
    const id = within(dialog).getByLabelText('Environment id');
    await user.type(id, 'Bad Id!');
    expect(id).toHaveAccessibleDescription(
      /^Use lowercase letters, digits and single dashes, .*e\.g\. qa-eu\.$/,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(dialog).toBeInTheDocument();
    await waitFor(() => expect(id).toHaveFocus());
    // What was typed is not lost to a stray Escape: it warns first, a second one closes.
    await user.keyboard('{Escape}');
    expect(
      within(dialog).getByText(/What you typed is not saved yet/),
    ).toBeVisible();
    expect(id).toHaveValue('Bad Id!');
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('previews a partial clone with its warnings; a full clone shows every differing workload', async () => {
    renderApp(CART);
    expect(
      await screen.findByRole('table', { name: 'Field changes of cart' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Private resources are never cloned.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Field changes of frontend' }),
    ).toBeNull();
    // The change is read before the button that applies it.
    const cart = screen.getByRole('table', { name: 'Field changes of cart' });
    const apply = screen.getByRole('region', { name: 'Apply' });
    expect(
      cart.compareDocumentPosition(apply) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    await userEvent.click(
      screen.getByRole('radio', { name: 'Everything (full clone)' }),
    );
    expect(
      await screen.findByRole('table', { name: 'Field changes of frontend' }),
    ).toBeInTheDocument();
  });

  it('warns that a selected workload is not healthy where it comes from', async () => {
    // Shop's staging runs cart crash-looping (the seed); its api is healthy.
    renderApp(
      '/orgs/acme/apps/shop/clone?from=staging&to=production&mode=partial&modules=cart,api&shared=',
    );
    const before = await screen.findByRole('note', {
      name: 'Before you apply',
    });
    const warning = await within(before).findByText(
      /^Not healthy in staging, copied as it runs there:/,
    );
    const text = warning.closest('p')!.textContent!;
    expect(text).toMatch(/cart failed \(CrashLoopBackOff\), 0 of 2 ready/);
    expect(text).not.toMatch(/\bapi\b/);
  });

  it('disables applying for a user who may not deploy to the target, naming the role', async () => {
    setApiToken('hum_demo_viewer_token');
    renderApp(CART);
    await screen.findByRole('button', { name: 'Clone to staging…' });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Clone to staging…' }),
      ).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(
      screen.getByRole('button', { name: 'Clone to staging…' }),
    ).toHaveAccessibleDescription(/needs the/);
  });

  it('shows the error of a failed preview with a retry', async () => {
    server.use(
      http.get(
        '*/api/orgs/:orgId/apps/:appId/envs/:envId/console/clone-preview',
        () =>
          HttpResponse.json(
            { error: 'API-500', message: 'The engine is down.' },
            { status: 500 },
          ),
      ),
    );
    renderApp(CART);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not preview the clone');
    expect(
      within(alert).getByRole('button', { name: 'Retry' }),
    ).toBeInTheDocument();
  });

  it('asks once for each set of the promotion lane: none for environments never deployed', async () => {
    const warn = vi.spyOn(console, 'warn');
    const engine = getEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    engine.createApp(admin, 'acme', { id: 'fresh-lane', name: 'Fresh lane' });
    engine.createEnv(admin, 'acme', 'fresh-lane', {
      id: 'qa',
      name: 'QA',
      type: 'development',
    });
    try {
      renderApp('/orgs/acme/apps/fresh-lane');
      const lane = await screen.findByRole('list', {
        name: 'Environments in promotion order',
      });
      await waitFor(() =>
        expect(within(lane).getAllByText('Never deployed.')).toHaveLength(2),
      );
      expect(
        warn.mock.calls.filter((call) =>
          /Duplicate Queries/.test(String(call)),
        ),
      ).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('shows the promotion lane on the app page: versions per environment and promote links', async () => {
    renderApp('/orgs/acme/apps/shop');
    const lane = await screen.findByRole('list', {
      name: 'Environments in promotion order',
    });
    const staging = await within(lane).findByRole('list', {
      name: 'Workload versions in staging',
    });
    await waitFor(() => expect(staging).toHaveTextContent('1.1.0-rc.1'));
    // A version CI pushed links to it on the Artefacts page.
    const cart = await within(staging).findByRole('link', {
      name: 'cart 1.1.0-rc.1: its artefact version',
    });
    expect(cart.getAttribute('href')).toMatch(
      /^\/orgs\/acme\/artefacts\?image=registry\.acme\.dev%2Fshop%2Fcart#v-[0-9a-f-]{36}$/,
    );
    // The lane follows the environment types: the GitOps preview environment (type development, issue 21) comes
    // between development and staging, and the panel's header says this app's order.
    expect(
      screen.getByRole('region', { name: 'Promotion lane' }),
    ).toHaveTextContent(
      'Development → Preview (GitOps) → Staging → Production',
    );
    expect(
      within(lane).getByRole('link', { name: /Promote to preview/ }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/apps/shop/clone?from=development&to=preview',
    );
    expect(
      within(lane).getByRole('link', { name: /Promote to staging/ }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/apps/shop/clone?from=preview&to=staging',
    );
    expect(
      within(lane).getByRole('link', { name: /Promote to production/ }),
    ).toBeInTheDocument();
  });
});
