import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';
import { SEEDED_DEF_SECRET } from '../../../mocks/fixtures/resourcedefs-seed';
import { DEMO_TOKEN } from '../../../mocks/fixtures';
import { getEngine, resetTestEngine, server } from '../../../mocks/node';

const LIST = '/orgs/acme/resources/definitions';

describe('resource definitions pages', { timeout: 90_000 }, () => {
  it('lists the definitions by type with their criteria in words, and searches them', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    renderApp(LIST);
    const postgres = await screen.findByRole('table', {
      name: 'Definitions of type postgres',
    });
    const dev = within(postgres).getByRole('row', { name: /postgres-dev/ });
    expect(dev).toHaveTextContent('humanitec/postgres');
    expect(dev).toHaveTextContent('development environments');
    expect(
      within(postgres).getByRole('row', { name: /postgres-default/ }),
    ).toHaveTextContent('everything (any app and environment)');
    expect(document.body.textContent).not.toContain(SEEDED_DEF_SECRET);

    await user.type(screen.getByLabelText('Search definitions'), 'redis');
    expect(
      screen.queryByRole('table', { name: 'Definitions of type postgres' }),
    ).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Definitions of type redis' }),
    ).toBeInTheDocument();
  });

  it('creates a postgres definition with a secret, adds a staging criteria, and the match picks it', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    const { router } = renderApp(`${LIST}/new`);
    const type = await screen.findByLabelText('Resource type');
    await within(type).findByRole('option', { name: 'postgres' });
    await user.selectOptions(type, 'postgres');
    await user.selectOptions(
      screen.getByLabelText('Driver'),
      'humanitec/postgres',
    );
    // The disabled button says what it waits for.
    const create = await screen.findByRole('button', {
      name: 'Create definition',
    });
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleDescription(
      'Fill in the definition id first.',
    );
    // A bad id is said at the field, in words, and not sent.
    const idField = screen.getByLabelText('Definition id');
    await user.type(idField, 'Bad Id!');
    expect(idField).toHaveAccessibleDescription(
      /^Use lowercase letters, digits and single dashes/,
    );
    expect(create).toHaveAccessibleDescription(
      'Correct the definition id first.',
    );
    await user.clear(idField);
    await user.type(idField, 'pg-staging');
    expect(idField).not.toHaveAttribute('aria-invalid');
    expect(create).not.toHaveAttribute('aria-describedby');
    await user.type(await screen.findByLabelText('Version'), '15');
    await user.type(screen.getByLabelText('Password'), 'typed-secret-123');
    // Enter in the id (above the driver's form) creates it, as in any field of a form.
    await user.click(idField);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`${LIST}/pg-staging`),
    );
    // The stored secret is "set": never its value, and it is replaced or cleared only.
    expect(
      await screen.findByRole('button', { name: 'Replace Password' }),
    ).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('typed-secret-123');

    await within(screen.getByLabelText('Environment type')).findByRole(
      'option',
      { name: 'staging' },
    );
    await user.selectOptions(
      screen.getByLabelText('Environment type'),
      'staging',
    );
    await user.click(screen.getByRole('button', { name: 'Add criteria' }));
    const criteria = within(
      screen.getByRole('region', { name: 'Matching criteria' }),
    );
    await criteria.findByText('staging environments');
    // The order of precedence as the engine (and "Which definition matches?") applies it.
    expect(criteria.getByText(/matches more specifically/)).toHaveTextContent(
      '(resource id, then environment, app, environment type, class)',
    );
    // Said to screen readers, and focus back on the first choice for the next rule.
    expect(criteria.getByRole('status')).toHaveTextContent(
      'Added the criteria staging environments.',
    );
    await waitFor(() => expect(screen.getByLabelText('App')).toHaveFocus());

    // The same rule again: the API's refusal is shown, the choice kept.
    await user.selectOptions(
      screen.getByLabelText('Environment type'),
      'staging',
    );
    await user.click(screen.getByRole('button', { name: 'Add criteria' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This rule exists already',
    );
    expect(screen.getByLabelText('Environment type')).toHaveValue('staging');

    // Deleted: said, and focus on the panel's heading (the row and its button are gone).
    await user.click(
      criteria.getByRole('button', {
        name: 'Delete the criteria staging environments',
      }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Delete this matching criteria?',
    });
    await user.click(
      within(confirm).getByRole('button', { name: 'Delete criteria' }),
    );
    await waitFor(() =>
      expect(
        criteria.getByRole('heading', { name: 'Matching criteria' }),
      ).toHaveFocus(),
    );
    expect(criteria.getByRole('status')).toHaveTextContent(
      'Deleted the criteria staging environments.',
    );
    // Back for the match below.
    await user.selectOptions(
      screen.getByLabelText('Environment type'),
      'staging',
    );
    await user.click(screen.getByRole('button', { name: 'Add criteria' }));
    await criteria.findByRole('button', {
      name: 'Delete the criteria staging environments',
    });

    await router.navigate(
      '/orgs/acme/resources/match?app=shop&env=staging&type=postgres&res=shared.db',
    );
    const answer = await screen.findByRole('region', { name: 'Answer' });
    await within(answer).findByRole('link', { name: 'pg-staging' });
    const candidates = screen.getByRole('table', {
      name: 'Every definition of the type, ranked',
    });
    const loser = within(candidates).getByRole('row', {
      name: /postgres-default/,
    });
    expect(loser).toHaveTextContent('Less specific');
    expect(
      within(candidates).getByRole('row', { name: /postgres-prod/ }),
    ).toHaveTextContent('Does not match');
  });

  it('promotes an older version after confirming', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    renderApp(`${LIST}/postgres-dev`);
    const versions = await screen.findByRole('table', {
      name: 'Versions of the definition',
    });
    const rows = () => within(versions).getAllByRole('row').slice(1);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const older = rows().find((r) => !r.textContent?.includes('Current'))!;
    await user.click(within(older).getByRole('button', { name: /^Promote/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Promote version' }),
    );
    await waitFor(() =>
      expect(
        within(versions).getAllByRole('row').slice(1)[rows().indexOf(older)],
      ).toHaveTextContent('Current'),
    );
  });

  it('moves a definition to another driver with a PUT, saying the stored secrets do not carry over', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    renderApp(`${LIST}/postgres-dev`);
    const driver = await screen.findByLabelText('Driver');
    await waitFor(() => expect(driver).toHaveValue('humanitec/postgres'));
    await user.selectOptions(driver, 'humanitec/echo');
    expect(screen.getByRole('note')).toHaveTextContent(
      'the stored secrets of humanitec/postgres do not carry over',
    );
    // Back to the stored driver: its stored inputs again.
    await user.selectOptions(driver, 'humanitec/postgres');
    expect(screen.getByLabelText('Version')).toHaveValue('16');
    await user.selectOptions(driver, 'humanitec/echo');
    await user.click(
      screen.getByRole('button', { name: 'Save a new version' }),
    );
    const versions = await screen.findByRole('table', {
      name: 'Versions of the definition',
    });
    await waitFor(() =>
      expect(
        within(versions)
          .getAllByRole('row')
          .find((r) => r.textContent?.includes('Current')),
      ).toHaveTextContent('humanitec/echo'),
    );
  });

  it('saves an edit as a new version: says so on the editor re-opened on it, and forgets the draft', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    renderApp(`${LIST}/postgres-dev`);
    const version = await screen.findByLabelText('Version');
    await waitFor(() => expect(version).toHaveValue('16'));
    await user.clear(version);
    await user.type(version, '14');
    expect(localStorage.getItem('resource-def:acme/postgres-dev')).toContain(
      '14',
    );
    await user.click(
      screen.getByRole('button', { name: 'Save a new version' }),
    );
    expect(await screen.findByText('Saved as a new version.')).toHaveRole(
      'status',
    );
    expect(screen.getByLabelText('Version')).toHaveValue('14');
    expect(localStorage.getItem('resource-def:acme/postgres-dev')).toBeNull();
    // The next edit is unsaved again.
    await user.type(screen.getByLabelText('Version'), '.1');
    expect(screen.queryByText('Saved as a new version.')).toBeNull();
  });

  it('keeps an unsaved edit across a refused save and a reload, without the secret typed into it', async () => {
    resetTestEngine();
    server.use(
      http.patch('*/api/orgs/:orgId/resources/defs/:defId', () =>
        HttpResponse.json(
          { error: 'API-503', message: 'The API is unavailable.' },
          { status: 503 },
        ),
      ),
    );
    const user = userEvent.setup();
    const first = renderApp(`${LIST}/postgres-dev`);
    const version = await screen.findByLabelText('Version');
    await user.clear(version);
    await user.type(version, '14');
    await user.click(screen.getByRole('button', { name: 'Replace Password' }));
    await user.type(screen.getByLabelText('Password'), 'typed-not-kept');
    await user.click(
      screen.getByRole('button', { name: 'Save a new version' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The API is unavailable.',
    );
    expect(screen.getByLabelText('Version')).toHaveValue('14');
    first.unmount();

    renderApp(`${LIST}/postgres-dev`);
    expect(await screen.findByLabelText('Version')).toHaveValue('14');
    // The stored password is shown as set again: the typed one lived only in memory.
    expect(
      screen.getByRole('button', { name: 'Replace Password' }),
    ).toBeInTheDocument();
    expect(JSON.stringify({ ...localStorage })).not.toContain('typed-not-kept');
  });

  it("opens 'Which definition matches?' from a shared resource of a deployment", async () => {
    resetTestEngine();
    const user = userEvent.setup();
    const engine = getEngine();
    const actor = engine.authenticate(DEMO_TOKEN);
    const [latest] = engine.listDeploys(actor, 'acme', 'shop', 'staging');
    const set = engine.getSet(actor, 'acme', 'shop', latest.set_id);
    const [name, resource] = Object.entries(set.shared)[0] as [
      string,
      { type: string },
    ];
    const { router } = renderApp(
      `/orgs/acme/apps/shop/envs/staging/deploys/${latest.id}`,
    );
    await user.click(
      await screen.findByRole('link', {
        name: `Which definition matches shared resource ${name}?`,
      }),
    );
    await waitFor(() =>
      expect(router.state.location.search).toContain(`res=shared.${name}`),
    );
    const answer = await screen.findByRole('region', { name: 'Answer' });
    expect(answer).toHaveTextContent(
      `${resource.type} shared.${name} of shop / staging`,
    );
    // Asked again for another resource id: the answer is where focus goes (the form is rebuilt).
    const id = screen.getByLabelText('Resource id');
    await user.clear(id);
    await user.type(id, `shared.${name}-other`);
    await user.click(
      screen.getByRole('button', { name: 'Find the definition' }),
    );
    await waitFor(() =>
      expect(router.state.location.search).toContain(`-other`),
    );
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Answer' })).toHaveFocus(),
    );
    // A resource id the API refuses: focus goes to the refusal, not to the page's body.
    await user.clear(screen.getByLabelText('Resource id'));
    await user.type(screen.getByLabelText('Resource id'), 'shared.not valid');
    await user.click(
      screen.getByRole('button', { name: 'Find the definition' }),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Could not match the resource' }),
      ).toHaveFocus(),
    );
  });

  it('is read-only for a member, naming the role needed', async () => {
    resetTestEngine();
    setApiToken('hum_demo_developer_token');
    renderApp(`${LIST}/postgres-dev`);
    const save = () =>
      screen.getByRole('button', { name: 'Save a new version' });
    // Enabled while permissions load (the API decides), then refused with the reason.
    await waitFor(() =>
      expect(save()).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(save()).toHaveAccessibleDescription(
      'Changing resource definitions needs the manager or administrator role on organisation acme.',
    );
    expect(screen.getByRole('note')).toHaveTextContent('Read-only');
  });
});
