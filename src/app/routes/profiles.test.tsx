import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';

// Monaco needs a real browser (workers, layout); e2e/profiles.spec.ts drives it. Here the editor is a textarea.
vi.mock('@/components/editors/code-editor', () => ({
  CodeEditor: (props: {
    value: string;
    onChange: (v: string) => void;
    label: string;
    markers?: { startLine: number; message: string }[];
  }) => (
    <div>
      <textarea
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <output aria-label="Editor markers">
        {(props.markers ?? [])
          .map((m) => `${m.startLine}: ${m.message}`)
          .join('\n')}
      </output>
    </div>
  ),
}));

const editorText = () =>
  (screen.getByLabelText('Profile schema (JSON)') as HTMLTextAreaElement).value;
const setEditorText = (text: string) =>
  fireEvent.change(screen.getByLabelText('Profile schema (JSON)'), {
    target: { value: text },
  });

describe('workload profile routes', () => {
  it('lists the built-in and the organisation profiles, and the examples', async () => {
    renderApp('/orgs/acme/workload-profiles');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Workload profiles',
      }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Workload profiles' });
    expect(
      within(table).getByRole('link', { name: 'humanitec/default-module' }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/workload-profiles/humanitec%2Fdefault-module',
    );
    expect(
      within(table).getByRole('link', { name: 'acme/web-service' }),
    ).toBeInTheDocument();
    expect(within(table).getAllByText('Built-in')).toHaveLength(3);
    const examples = screen.getByRole('list', { name: 'Examples' });
    expect(
      within(examples).getByRole('link', {
        name: 'Start from the example Cron job',
      }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/workload-profiles/new?example=cron-job',
    );
  });

  it('opens a profile in the designer with its form previewed, and pins an unknown annotation to its line', async () => {
    renderApp('/orgs/acme/workload-profiles/acme%2Fweb-service');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'acme/web-service',
      }),
    ).toBeInTheDocument();
    expect(
      JSON.parse(editorText()).properties.endpoint.properties.visibility.enum,
    ).toEqual(['public', 'internal']);
    const preview = await screen.findByRole('form', {
      name: 'Preview of the generated form',
    });
    expect(
      await within(preview).findByRole('radio', {
        name: 'Internal (cluster only)',
      }),
    ).toBeInTheDocument();
    expect(
      within(preview).queryByLabelText('Host name'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(preview).getByRole('radio', {
        name: 'Public (through the DNS resource)',
      }),
    );
    expect(within(preview).getByLabelText(/Host name/)).toBeInTheDocument();

    setEditorText(
      editorText().replace('"x-console-order"', '"x-console-ordr"'),
    );
    const problems = await screen.findByRole('region', { name: 'Problems' });
    expect(
      await within(problems).findByText(
        /Unknown annotation `x-console-ordr`: did you mean `x-console-order`\?/,
      ),
    ).toBeInTheDocument();
    const line =
      editorText()
        .split('\n')
        .findIndex((l) => l.includes('x-console-ordr')) + 1;
    expect(
      within(problems).getAllByText(`Line ${line}`).length,
    ).toBeGreaterThan(0);
    expect(screen.getByLabelText('Editor markers')).toHaveTextContent(
      `${line}: Unknown annotation`,
    );
    expect(
      screen.getByRole('button', { name: 'Publish version' }),
    ).toBeDisabled();
  });

  it("shows a profile's runtime properties, and deletes an organisation profile after the id is typed", async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/workload-profiles/humanitec%2Fdefault-module');
    const runtime = await screen.findByRole('region', {
      name: 'Runtime properties',
    });
    expect(within(runtime).getByText('humanitec/logs')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Delete humanitec/ }),
    ).not.toBeInTheDocument();

    renderApp('/orgs/acme/workload-profiles/acme%2Fworker');
    await user.click(
      await screen.findByRole('button', { name: 'Delete acme/worker…' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete acme/worker?',
    });
    const confirm = within(dialog).getByRole('button', {
      name: 'Delete the profile',
    });
    expect(confirm).toBeDisabled();
    await user.type(
      within(dialog).getByLabelText(/Type acme\/worker to confirm/),
      'acme/worker',
    );
    await user.click(confirm);
    const table = await screen.findByRole('table', {
      name: 'Workload profiles',
    });
    expect(
      within(table).queryByRole('link', { name: 'acme/worker' }),
    ).not.toBeInTheDocument();
    expect(
      within(table).getByRole('link', { name: 'acme/web-service' }),
    ).toBeInTheDocument();
  });

  it('refuses a 5 MB schema at once with a clear message, and names a $ref cycle', async () => {
    renderApp('/orgs/acme/workload-profiles/acme%2Fworker');
    await screen.findByRole('heading', { level: 1, name: 'acme/worker' });
    const huge = {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 40_000 }, (_, i) => [
          `f${i}`,
          { type: 'string', description: 'x'.repeat(100) },
        ]),
      ),
    };
    setEditorText(JSON.stringify(huge));
    const problems = await screen.findByRole('region', { name: 'Problems' });
    expect(
      await within(problems).findByText(
        /^The schema is 5\.\d MiB; profiles can be at most 1\.0 MiB/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Publish version' }),
    ).toBeDisabled();

    setEditorText(
      JSON.stringify(
        {
          type: 'object',
          $defs: { a: { $ref: '#/$defs/a' } },
          properties: { x: { $ref: '#/$defs/a' } },
        },
        null,
        2,
      ),
    );
    expect(
      (
        await within(problems).findAllByText(
          /goes round in a circle \(#\/\$defs\/a → #\/\$defs\/a\)/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('has nothing to publish until the schema, description, deprecation message or a typed version differs from the latest', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/workload-profiles/acme%2Fworker');
    await screen.findByRole('heading', { level: 1, name: 'acme/worker' });
    const publish = screen.getByRole('button', { name: 'Publish version' });
    const seeded = (screen.getByLabelText('Description') as HTMLInputElement)
      .value;
    expect(
      await screen.findByText(/^Nothing to publish: the schema, description/),
    ).toBeInTheDocument();
    expect(publish).toBeDisabled();
    // A typed version publishes it as it is (a release candidate released unchanged).
    await user.type(screen.getByLabelText('Version'), '9.9.9');
    expect(publish).toBeEnabled();
    await user.clear(screen.getByLabelText('Version'));
    expect(publish).toBeDisabled();
    await user.type(screen.getByLabelText('Description'), ' (batch jobs)');
    await waitFor(() => expect(publish).toBeEnabled());
    expect(screen.queryByText(/^Nothing to publish/)).not.toBeInTheDocument();
    // The description as it was: nothing to publish again, until the schema changes.
    const description = screen.getByLabelText('Description');
    await user.clear(description);
    if (seeded) await user.type(description, seeded);
    await waitFor(() => expect(publish).toBeDisabled());
    setEditorText(editorText().replace('"maximum": 64', '"maximum": 32'));
    await waitFor(() => expect(publish).toBeEnabled());
  });

  it('with schema errors the preview gives no verdict (its data was checked against the last good schema)', async () => {
    renderApp('/orgs/acme/workload-profiles/acme%2Fworker');
    await screen.findByRole('heading', { level: 1, name: 'acme/worker' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(
      await within(preview).findByText('Preview data valid'),
    ).toBeInTheDocument();
    setEditorText(editorText().replace('{', '{,'));
    expect(
      await within(preview).findByText(/^The schema has errors/),
    ).toBeInTheDocument();
    expect(
      within(preview).queryByText('Preview data valid'),
    ).not.toBeInTheDocument();
  });

  it('publishes a new version and keeps the draft until then', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/workload-profiles/acme%2Fworker');
    await screen.findByRole('heading', { level: 1, name: 'acme/worker' });
    setEditorText(editorText().replace('"maximum": 64', '"maximum": 32'));
    await waitFor(() =>
      expect(
        Object.keys(localStorage).some((k) =>
          k.includes('profile-draft:acme/acme/worker'),
        ),
      ).toBe(true),
    );
    await user.type(screen.getByLabelText('Version'), '1.1.0');
    await user.click(screen.getByRole('button', { name: 'Publish version' }));
    const versions = await screen.findByRole('table', { name: 'Versions' });
    expect(await within(versions).findByText('1.1.0')).toBeInTheDocument();
    expect(
      Object.keys(localStorage).some((k) =>
        k.includes('profile-draft:acme/acme/worker'),
      ),
    ).toBe(false);
  });

  it('creates a profile from an example; the cron widget says when it runs', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(
      '/orgs/acme/workload-profiles/new?example=cron-job',
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'New workload profile',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Runs at 03:00, Monday through Friday \(UTC\)\./),
    ).toBeInTheDocument();
    const id = screen.getByLabelText('Profile id');
    const create = screen.getByRole('button', { name: 'Create profile' });
    // Disabled until there is an id, and said so beside it.
    expect(create).toBeDisabled();
    expect(
      screen.getByText('Give the profile an id to create it.'),
    ).toBeInTheDocument();
    // An id the API would refuse is refused here, before a request.
    await user.type(id, 'My Nightly!');
    expect(id).toHaveAccessibleDescription(
      /^Use lowercase letters, digits and single dashes/,
    );
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(create).toBeDisabled();
    // An id taken: the API's refusal, and the field marked and focused.
    await user.clear(id);
    await user.type(id, 'worker');
    await user.click(create);
    expect(
      await screen.findByText('Pick another profile id.'),
    ).toBeInTheDocument();
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(id).toHaveAccessibleDescription(/^Pick another profile id\./);
    await waitFor(() => expect(id).toHaveFocus());
    await user.clear(id);
    await user.type(id, 'nightly');
    expect(id).toHaveAttribute('aria-invalid', 'false');
    await user.click(create);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/orgs/acme/workload-profiles/acme%2Fnightly',
      ),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'acme/nightly' }),
    ).toBeInTheDocument();
  });

  it("keeps a new profile's id, description and version across a reload", async () => {
    const user = userEvent.setup();
    const first = renderApp(
      '/orgs/acme/workload-profiles/new?example=cron-job',
    );
    await user.type(await screen.findByLabelText('Profile id'), 'nightly');
    await user.type(screen.getByLabelText('Description'), 'Nightly batch');
    await user.type(screen.getByLabelText('Version'), '0.1.0');
    first.unmount();
    renderApp('/orgs/acme/workload-profiles/new?example=cron-job');
    expect(await screen.findByLabelText('Profile id')).toHaveValue('nightly');
    expect(screen.getByLabelText('Description')).toHaveValue('Nightly batch');
    expect(screen.getByLabelText('Version')).toHaveValue('0.1.0');
  });

  it('offers a copy of a built-in profile instead of publishing it', async () => {
    renderApp('/orgs/acme/workload-profiles/humanitec%2Fdefault-job');
    expect(
      await screen.findByText(/Built-in profiles are read-only/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Create a profile from humanitec/default-job',
      }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/workload-profiles/new?from=humanitec%2Fdefault-job',
    );
  });
});

// Lazy chunks (RJSF) and the real engine make these slower than unit tests, more so on a shared machine.
describe('editing a workload with its profile form', () => {
  it('says what is wrong with a field as soon as it is left, before any review', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/development/workloads/api/edit');
    const form = await screen.findByRole('form', { name: 'Spec of api' });
    const image = await within(form).findByRole('textbox', {
      name: /^Image\*?$/,
    });
    expect(within(form).queryByText('An image is required.')).toBeNull();
    await user.clear(image);
    await user.clear(within(form).getByRole('textbox', { name: 'Image tag' }));
    // On to another field: the one left says what is wrong with it.
    await user.click(
      within(form).getByRole('textbox', { name: 'CPU request' }),
    );
    expect(
      (await within(form).findAllByText('An image is required.')).length,
    ).toBeGreaterThan(0);
    // In place only: nothing was sent, so nothing says the engine refused it.
    expect(screen.queryByText(/The engine refused/)).toBeNull();
  });

  it('shows the engine refusal at the field, then reviews and deploys the fixed change', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(
      '/orgs/acme/apps/shop/envs/development/workloads/api/edit',
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Edit api' }),
    ).toBeInTheDocument();
    const form = await screen.findByRole('form', { name: 'Spec of api' });
    const image = await within(form).findByRole('textbox', {
      name: /^Image\*?$/,
    });
    expect(image).toHaveValue('registry.acme.dev/shop/api');
    await user.clear(image);
    await user.clear(within(form).getByRole('textbox', { name: 'Image tag' }));
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(
      'The engine refused the change: 1 field needs attention',
    );
    // The summary takes the focus (the pressed button is disabled while checking, and may be far below it).
    await waitFor(() => expect(summary).toHaveFocus());
    // The field is named by the form's labels, not by its JSON path.
    expect(
      within(summary).getByRole('link', { name: 'Containers › api › Image' }),
    ).toBeInTheDocument();
    expect(
      within(form).getAllByText('An image is required.').length,
    ).toBeGreaterThan(0);

    await user.type(
      within(form).getByRole('textbox', { name: /^Image\*?$/ }),
      'registry.acme.dev/shop/api:2.0.0',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const changes = await screen.findByRole('table', {
      name: 'Field changes of api',
    });
    const row = within(changes).getByRole('row', { name: /1\.4\.2/ });
    expect(row).toHaveTextContent('registry.acme.dev/shop/api:1.4.2');
    expect(row).toHaveTextContent('registry.acme.dev/shop/api:2.0.0');
    expect(
      screen.getByRole('region', { name: 'Review the change' }),
    ).toHaveTextContent('1workload changed');
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/\/deploys\//),
    );
  });

  it('explains a workload whose profile does not exist', async () => {
    renderApp('/orgs/acme/apps/docs-site/envs/development/workloads/docs/edit');
    expect(
      await screen.findByText('Profile acme/static-site does not exist'),
    ).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(
      within(main).getByRole('link', { name: 'Workload profiles' }),
    ).toHaveAttribute('href', '/orgs/acme/workload-profiles');
  });
});
