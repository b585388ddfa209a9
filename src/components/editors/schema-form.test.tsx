import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SchemaForm, type SchemaFormProps } from './schema-form';

function Harness({
  initial = {},
  onSubmit,
  ...props
}: Partial<SchemaFormProps> & { schema: object; initial?: unknown }) {
  const [data, setData] = useState<unknown>(initial);
  return (
    <>
      <SchemaForm
        idPrefix="t"
        label="Test form"
        formData={data}
        onChange={setData}
        onSubmit={onSubmit}
        {...props}
      >
        <button type="submit">Submit</button>
      </SchemaForm>
      <output aria-label="data">{JSON.stringify(data)}</output>
    </>
  );
}

/** Field names in the order of their inputs on the page. */
const fieldOrder = (form: HTMLElement) =>
  [...form.querySelectorAll('input, select')].map((e) =>
    e.id.replace(/^t_/, ''),
  );

const endpoint = {
  type: 'object',
  properties: {
    kind: {
      type: 'string',
      title: 'Kind',
      enum: ['http', 'tcp'],
      default: 'http',
      'x-console-order': 1,
      'x-console-enum-labels': { http: 'HTTP', tcp: 'TCP' },
    },
    timeout: { type: 'integer', title: 'Timeout', 'x-console-order': 9 },
    host: {
      type: 'string',
      title: 'Host',
      'x-console-order': 3,
      'x-console-visible-if': {
        properties: { public: { const: true } },
        required: ['public'],
      },
    },
    public: { type: 'boolean', title: 'Public', 'x-console-order': 2 },
  },
  if: { properties: { kind: { const: 'http' } } },
  then: {
    properties: {
      path: {
        type: 'string',
        title: 'Path',
        pattern: '^/',
        'x-console-order': 4,
        'x-console-errors': { pattern: 'A path starts with a slash.' },
      },
    },
    required: ['path'],
  },
  else: {
    properties: {
      port: { type: 'integer', title: 'Port', 'x-console-order': 5 },
    },
  },
};

describe('SchemaForm: forms that behave', () => {
  it('shows conditional fields, keeping the declared order across conditionals', async () => {
    render(<Harness schema={endpoint} />);
    const form = await screen.findByRole('form', { name: 'Test form' });
    expect(fieldOrder(form)).toEqual(['kind', 'public', 'path', 'timeout']);
    await userEvent.click(within(form).getByLabelText('Public'));
    expect(fieldOrder(form)).toEqual([
      'kind',
      'public',
      'host',
      'path',
      'timeout',
    ]);
    await userEvent.selectOptions(within(form).getByLabelText('Kind'), 'TCP');
    expect(fieldOrder(form)).toEqual([
      'kind',
      'public',
      'host',
      'port',
      'timeout',
    ]);
  });

  it('does not submit values hidden by a condition (visible-if keeps them while the form is open)', async () => {
    const onSubmit = vi.fn();
    render(
      <Harness
        schema={endpoint}
        initial={{
          kind: 'http',
          path: '/api',
          public: true,
          host: 'a.example',
        }}
        onSubmit={onSubmit}
      />,
    );
    const form = await screen.findByRole('form', { name: 'Test form' });
    await userEvent.selectOptions(within(form).getByLabelText('Kind'), 'TCP');
    await userEvent.click(within(form).getByLabelText('Public'));
    await userEvent.type(within(form).getByLabelText('Port'), '8080');
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).toEqual({
      kind: 'tcp',
      public: false,
      port: 8080,
    });
    await userEvent.click(within(form).getByLabelText('Public'));
    expect(within(form).getByLabelText('Host')).toHaveValue('a.example');
  });

  it('shows the messages the schema declares, live when asked', async () => {
    render(
      <Harness schema={endpoint} liveValidate initial={{ kind: 'http' }} />,
    );
    const form = await screen.findByRole('form', { name: 'Test form' });
    await userEvent.type(within(form).getByLabelText(/Path/), 'api');
    expect(
      await within(form).findByText('A path starts with a slash.'),
    ).toBeInTheDocument();
  });

  it('labels fields as a person would and says what is wrong in plain words, with the label', async () => {
    const schema = {
      type: 'object',
      properties: {
        cpu: { type: 'number', minimum: 0 },
        initial_delay_seconds: { type: 'integer', maximum: 300 },
        apiVersion: {
          type: 'string',
          title: 'Version of the API',
          minLength: 1,
        },
        containers: {
          type: 'object',
          title: 'Containers',
          'x-console-help': 'The containers of the workload, by name.',
          additionalProperties: {
            type: 'object',
            properties: { image: { type: 'string' } },
          },
        },
      },
    };
    render(
      <Harness
        schema={schema}
        liveValidate
        initial={{ containers: { api: { image: 'nginx' } } }}
      />,
    );
    const form = await screen.findByRole('form', { name: 'Test form' });
    // Titles win; property names without one read as words, acronyms in capitals, units in brackets.
    expect(within(form).getByLabelText('CPU')).toBeInTheDocument();
    expect(
      within(form).getByLabelText('Initial delay (s)'),
    ).toBeInTheDocument();
    expect(
      within(form).getByLabelText('Version of the API'),
    ).toBeInTheDocument();
    // An entry of a map is named by what it is, not by its own key ("Name of api").
    expect(
      within(form).getByRole('textbox', { name: 'Container name' }),
    ).toHaveValue('api');
    expect(
      within(form).getByRole('button', { name: 'Remove container api' }),
    ).toBeInTheDocument();
    expect(within(form).queryByText(/Name of api/)).toBeNull();
    // A section's help once, under its heading.
    expect(
      within(form).getAllByText('The containers of the workload, by name.'),
    ).toHaveLength(1);

    await userEvent.type(within(form).getByLabelText('CPU'), '-1');
    expect(
      await within(form).findByText('CPU must be 0 or more'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(form).getByLabelText('Initial delay (s)'),
      '301',
    );
    expect(
      await within(form).findByText('Initial delay (s) must be 300 or less'),
    ).toBeInTheDocument();
    expect(
      within(form).queryByText(/must be at least|must be at most/),
    ).toBeNull();
  });

  it('keeps focus on its way when a map entry is renamed: Tab from the name goes on to the entry, and typing lands there', async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        containers: {
          type: 'object',
          title: 'Containers',
          additionalProperties: {
            type: 'object',
            properties: { image: { type: 'string' } },
          },
        },
      },
    };
    render(<Harness schema={schema} initial={{ containers: { api: {} } }} />);
    const form = await screen.findByRole('form', { name: 'Test form' });
    const name = within(form).getByRole('textbox', { name: 'Container name' });
    await user.clear(name);
    await user.type(name, 'billing');
    // Tab: the rename happens on the name's blur and re-renders the entry under its new id.
    await user.tab();
    await waitFor(() =>
      expect(
        within(form).getByRole('button', { name: 'Remove container billing' }),
      ).toHaveFocus(),
    );
    await user.tab();
    expect(within(form).getByRole('textbox', { name: 'Image' })).toHaveFocus();
    await user.keyboard('nginx');
    expect(screen.getByRole('status', { name: 'data' }).textContent).toBe(
      JSON.stringify({ containers: { billing: { image: 'nginx' } } }),
    );
  });

  it("moves focus to what Add added: a map entry's name, an array item's field", async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        containers: {
          type: 'object',
          title: 'Containers',
          additionalProperties: {
            type: 'object',
            properties: { image: { type: 'string' } },
          },
        },
        args: { type: 'array', title: 'Arguments', items: { type: 'string' } },
      },
    };
    render(
      <Harness
        schema={schema}
        initial={{ containers: { api: {} }, args: ['a'] }}
      />,
    );
    const form = await screen.findByRole('form', { name: 'Test form' });
    await user.click(
      within(form).getByRole('button', { name: 'Add to containers' }),
    );
    await waitFor(() =>
      expect(document.activeElement).toHaveAccessibleName('Container name'),
    );
    // Named for what it is (not the form library's "newKey"), and selected: typing the real name replaces it.
    expect(document.activeElement).toHaveValue('container');
    await user.keyboard('billing');
    await user.tab();
    await waitFor(() =>
      expect(
        within(form)
          .getAllByRole('textbox', { name: 'Container name' })
          .map((input) => (input as HTMLInputElement).value),
      ).toEqual(['api', 'billing']),
    );
    // Tabbed past, a new one keeps a sensible name.
    await user.click(
      within(form).getByRole('button', { name: 'Add to containers' }),
    );
    await waitFor(() =>
      expect(document.activeElement).toHaveValue('container'),
    );
    await user.tab();
    expect(
      within(form)
        .getAllByRole('textbox', { name: 'Container name' })
        .map((input) => (input as HTMLInputElement).value),
    ).toEqual(['api', 'billing', 'container']);
    await user.click(within(form).getByRole('button', { name: 'Add to args' }));
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute('id', 't_args_1'),
    );
  });

  it('renders oneOf options and submits only the chosen one', async () => {
    const onSubmit = vi.fn();
    const schema = {
      type: 'object',
      properties: {
        check: {
          title: 'Check',
          oneOf: [
            {
              title: 'HTTP',
              type: 'object',
              properties: { path: { type: 'string', title: 'Path' } },
              required: ['path'],
            },
            {
              title: 'Command',
              type: 'object',
              properties: {
                command: { type: 'string', title: 'Command line' },
              },
              required: ['command'],
            },
          ],
        },
      },
    };
    render(
      <Harness
        schema={schema}
        initial={{ check: { path: '/healthz' } }}
        onSubmit={onSubmit}
      />,
    );
    const form = await screen.findByRole('form', { name: 'Test form' });
    expect(within(form).getByLabelText(/Path/)).toHaveValue('/healthz');
    await userEvent.selectOptions(
      within(form).getByRole('combobox'),
      'Command',
    );
    await userEvent.type(within(form).getByLabelText(/Command line/), 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).toEqual({ check: { command: 'true' } });
  });

  it('groups fields and hides x-console-hidden ones without dropping their values', async () => {
    const onSubmit = vi.fn();
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', title: 'A', 'x-console-group': 'Group one' },
        b: { type: 'string', title: 'B' },
        c: { type: 'string', title: 'C', 'x-console-group': 'Group one' },
        secret: { type: 'string', title: 'Internal', 'x-console-hidden': true },
      },
    };
    render(
      <Harness
        schema={schema}
        initial={{ secret: 'keep' }}
        onSubmit={onSubmit}
      />,
    );
    const form = await screen.findByRole('form', { name: 'Test form' });
    const group = within(form).getByRole('group', { name: 'Group one' });
    expect(within(group).getByLabelText('A')).toBeInTheDocument();
    expect(within(group).getByLabelText('C')).toBeInTheDocument();
    expect(within(form).queryByLabelText('Internal')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ secret: 'keep' }),
    );
  });

  it('shows errors from elsewhere (the engine) at their fields', async () => {
    render(
      <Harness
        schema={{
          type: 'object',
          properties: { image: { type: 'string', title: 'Image' } },
        }}
        extraErrors={{ image: { __errors: ['An image is required.'] } }}
      />,
    );
    const form = await screen.findByRole('form', { name: 'Test form' });
    expect(
      await within(form).findByText('An image is required.'),
    ).toBeInTheDocument();
  });
});
