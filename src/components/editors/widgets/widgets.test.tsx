import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SchemaForm, type SchemaFormContext } from '../schema-form';

function Harness({
  schema,
  initial,
  formContext,
}: {
  schema: object;
  initial?: unknown;
  formContext?: SchemaFormContext;
}) {
  const [data, setData] = useState<unknown>(initial ?? {});
  return (
    <>
      <SchemaForm
        idPrefix="w"
        label="Widgets"
        schema={schema}
        formData={data}
        onChange={setData}
        formContext={formContext}
      />
      <output aria-label="data">{JSON.stringify(data ?? null)}</output>
    </>
  );
}

const field = (widget: string, extra: object = {}) => ({
  type: 'object',
  properties: {
    f: { type: 'string', title: 'Field', 'x-console-widget': widget, ...extra },
  },
});
const data = () =>
  JSON.parse(screen.getByLabelText('data').textContent ?? 'null');
// The first render waits for the lazily loaded form (RJSF) to be transformed and imported.
const form = () => screen.findByRole('form', { name: 'Widgets' });

describe('custom widgets', () => {
  it('image: repository and tag, typing ":" moves on to the tag, a missing tag is flagged', async () => {
    const user = userEvent.setup();
    render(<Harness schema={field('image')} />);
    const repository = within(await form()).getByRole('textbox', {
      name: 'Field',
    });
    await user.type(repository, 'registry.acme.dev/shop/api:1.4');
    expect(data()).toEqual({ f: 'registry.acme.dev/shop/api:1.4' });
    expect(screen.getByRole('textbox', { name: 'Field tag' })).toHaveValue(
      '1.4',
    );
    expect(repository).toHaveValue('registry.acme.dev/shop/api');
    await user.clear(screen.getByRole('textbox', { name: 'Field tag' }));
    expect(data()).toEqual({ f: 'registry.acme.dev/shop/api' });
    expect(
      screen.getByText(/No tag: the cluster pulls :latest/),
    ).toBeInTheDocument();
  });

  it('cpu and memory: an amount with a unit, and what it means', async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        cpu: { type: 'string', title: 'CPU', 'x-console-widget': 'cpu' },
        memory: {
          type: 'string',
          title: 'Memory',
          'x-console-widget': 'memory',
        },
      },
    };
    render(<Harness schema={schema} initial={{ memory: '512Mi' }} />);
    const f = await form();
    await user.type(within(f).getByRole('textbox', { name: 'CPU' }), '250');
    expect(data()).toEqual({ cpu: '250m', memory: '512Mi' });
    expect(within(f).getByText('0.25 cores (250m)')).toBeInTheDocument();
    await user.selectOptions(
      within(f).getByRole('combobox', { name: 'Memory unit' }),
      'GiB',
    );
    expect(data()).toEqual({ cpu: '250m', memory: '512Gi' });
    expect(within(f).getByText('512 GiB')).toBeInTheDocument();
  });

  it('key-value: adds, edits, flags duplicates and removes entries', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        schema={{
          type: 'object',
          properties: {
            vars: {
              type: 'object',
              title: 'Variables',
              additionalProperties: { type: 'string' },
              'x-console-widget': 'key-value',
            },
          },
        }}
        initial={{ vars: { A: '1' } }}
      />,
    );
    const f = await form();
    await user.click(within(f).getByRole('button', { name: 'Add variable' }));
    expect(
      within(f).getByRole('textbox', { name: 'Variables: name 2' }),
    ).toHaveFocus();
    await user.keyboard('B');
    await user.type(
      within(f).getByRole('textbox', { name: 'Variables: value of B' }),
      '2',
    );
    expect(data()).toEqual({ vars: { A: '1', B: '2' } });
    await user.clear(
      within(f).getByRole('textbox', { name: 'Variables: name 2' }),
    );
    await user.type(
      within(f).getByRole('textbox', { name: 'Variables: name 2' }),
      'A',
    );
    expect(
      within(f).getAllByText('"A" is used twice; the last one wins.'),
    ).toHaveLength(2);
    await user.click(within(f).getAllByRole('button', { name: 'Remove A' })[1]);
    expect(data()).toEqual({ vars: { A: '1' } });
    // A removed row's button goes with it: focus moves to the row before (the next one when there is one), and
    // to Add when none is left, never to the page.
    expect(
      within(f).getByRole('textbox', { name: 'Variables: name 1' }),
    ).toHaveFocus();
    await user.click(within(f).getByRole('button', { name: 'Remove A' }));
    expect(data()).toEqual({ vars: {} });
    expect(
      within(f).getByRole('button', { name: 'Add variable' }),
    ).toHaveFocus();
  });

  it('ports: a table of named ports', async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        ports: {
          type: 'object',
          title: 'Ports',
          'x-console-widget': 'ports',
          additionalProperties: {
            type: 'object',
            properties: {
              port: { type: 'integer' },
              container_port: { type: 'integer' },
              protocol: { enum: ['TCP', 'UDP'] },
            },
          },
        },
      },
    };
    render(<Harness schema={schema} />);
    const f = await form();
    expect(within(f).getByText(/No ports/)).toBeInTheDocument();
    await user.click(within(f).getByRole('button', { name: 'Add port' }));
    await user.keyboard('http');
    await user.type(
      within(f).getByRole('textbox', { name: 'Port of http' }),
      '80',
    );
    await user.type(
      within(f).getByRole('textbox', { name: 'Target port of http' }),
      '8080',
    );
    await user.selectOptions(
      within(f).getByRole('combobox', { name: 'Protocol of http' }),
      'TCP',
    );
    expect(data()).toEqual({
      ports: { http: { port: 80, container_port: 8080, protocol: 'TCP' } },
    });
    await user.click(
      within(f).getByRole('button', { name: 'Remove port http' }),
    );
    expect(within(f).getByRole('button', { name: 'Add port' })).toHaveFocus();
  });

  it('secret: a stored value is never shown; it can be replaced, cleared or kept', async () => {
    const user = userEvent.setup();
    const reference = '${secrets.wl.api.f.0123456789abcdef01234567}';
    const { container } = render(
      <Harness schema={field('secret')} initial={{ f: reference }} />,
    );
    const f = await form();
    expect(within(f).getByText('Set')).toBeInTheDocument();
    expect(
      within(f).getByText('A value is stored; it is never shown.'),
    ).toBeInTheDocument();
    expect(container.querySelector('form')?.innerHTML).not.toContain(
      'secrets.wl',
    );
    expect(
      [...container.querySelectorAll('input')].some((i) =>
        i.value.includes('secrets'),
      ),
    ).toBe(false);
    await user.click(within(f).getByRole('button', { name: 'Replace Field' }));
    const input = container.querySelector(
      'input[type="password"]',
    ) as HTMLInputElement;
    expect(input).toHaveValue('');
    await user.type(input, 'new');
    expect(data()).toEqual({ f: 'new' });
    await user.clear(input);
    expect(data()).toEqual({ f: reference });
    await user.type(input, 'new');
    await user.click(
      within(f).getByRole('button', { name: 'Keep the stored value' }),
    );
    expect(data()).toEqual({ f: reference });
    await user.click(within(f).getByRole('button', { name: 'Clear Field' }));
    expect(data()).toEqual({});
    expect(within(f).getByText('Cleared')).toBeInTheDocument();
    await user.click(
      within(f).getByRole('button', { name: 'Keep the stored Field' }),
    );
    expect(data()).toEqual({ f: reference });
    expect(container.querySelector('form')?.innerHTML).not.toContain(
      'secrets.wl',
    );
  });

  it('secret: an unset field takes a value in a masked input', async () => {
    const user = userEvent.setup();
    const { container } = render(<Harness schema={field('secret')} />);
    const f = await form();
    expect(within(f).getByText(/^Not set\. Write-only/)).toBeInTheDocument();
    const input = container.querySelector(
      'input[type="password"]',
    ) as HTMLInputElement;
    await user.type(input, 's3cr3t');
    expect(data()).toEqual({ f: 's3cr3t' });
    expect(
      within(f).queryByRole('button', { name: 'Keep the stored value' }),
    ).toBeNull();
  });

  it('resource-ref: the shared resources and resource types, grouped', async () => {
    const user = userEvent.setup();
    const resources = [
      { value: 'shared.db', label: 'db (postgres)', group: 'Shared resources' },
      { value: 'redis', label: 'redis', group: 'Resource types' },
    ];
    render(
      <Harness schema={field('resource-ref')} formContext={{ resources }} />,
    );
    const select = within(await form()).getByRole('combobox', {
      name: 'Field',
    });
    expect(
      within(select).getByRole('group', { name: 'Shared resources' }),
    ).toBeInTheDocument();
    await user.selectOptions(select, 'db (postgres)');
    expect(data()).toEqual({ f: 'shared.db' });
  });

  it('cron: a preview in words, or why it is not a cron expression', async () => {
    const user = userEvent.setup();
    render(<Harness schema={field('cron')} />);
    const input = within(await form()).getByRole('textbox', { name: 'Field' });
    await user.type(input, '*/15 * * * *');
    expect(
      screen.getByText('Runs every 15 minutes (UTC).'),
    ).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'every day');
    expect(screen.getByText(/^Not a cron expression/)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('resource-ref: only resources of the type and class asked for, written as the placeholder of an output', async () => {
    const user = userEvent.setup();
    // As resourceOptions (features/profiles/utils/resources.ts) makes them from a set.
    const shared = (name: string, type: string, cls?: string) => ({
      value: `shared.${name}`,
      label: `${name} (${type}${cls ? `, class ${cls}` : ''})`,
      group: 'Shared resources',
      scope: 'shared' as const,
      name,
      type,
      ...(cls ? { class: cls } : {}),
    });
    const resources = [
      shared('db', 'postgres'),
      shared('replica', 'postgres', 'ha'),
      shared('cache', 'redis'),
      {
        value: 'externals.own',
        label: 'own (postgres, class ha)',
        group: 'Private resources',
        scope: 'externals' as const,
        name: 'own',
        type: 'postgres',
        class: 'ha',
      },
      {
        value: 'postgres',
        label: 'PostgreSQL (postgres)',
        group: 'Resource types',
        type: 'postgres',
      },
      {
        value: 'redis',
        label: 'Redis (redis)',
        group: 'Resource types',
        type: 'redis',
      },
    ];
    const schema = field('resource-ref', {
      'x-console-resource-type': 'postgres',
      'x-console-resource-class': 'ha',
      'x-console-resource-output': 'host',
    });
    render(<Harness schema={schema} formContext={{ resources }} />);
    const select = within(await form()).getByRole('combobox', {
      name: 'Field',
    });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Choose a resource…',
      'replica (postgres, class ha)',
      'own (postgres, class ha)',
    ]);
    await user.selectOptions(select, 'replica (postgres, class ha)');
    expect(data()).toEqual({ f: '${shared.replica.host}' });
    await user.selectOptions(select, 'own (postgres, class ha)');
    expect(data()).toEqual({ f: '${externals.own.host}' });
  });

  it("resource-ref: a value the environment cannot resolve is kept and explained in the engine's words", async () => {
    const resources = [
      {
        value: 'shared.db',
        label: 'db (postgres)',
        group: 'Shared resources',
        scope: 'shared' as const,
        name: 'db',
        type: 'postgres',
      },
    ];
    const schema = field('resource-ref', {
      'x-console-resource-type': ['postgres'],
      'x-console-resource-output': 'host',
    });
    render(
      <Harness
        schema={schema}
        initial={{ f: '${shared.old.host}' }}
        formContext={{ resources }}
      />,
    );
    const select = within(await form()).getByRole('combobox', {
      name: 'Field',
    });
    expect(select).toHaveValue('${shared.old.host}');
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription(
      'Field must refer to a resource this environment has, but there is no shared resource "old"; choose one of: ${shared.db.host}',
    );
    expect(data()).toEqual({ f: '${shared.old.host}' });
  });

  it('range: a labelled slider between minimum and maximum, with the number shown (keyboard: e2e/profile-widgets.spec.ts)', async () => {
    const schema = {
      type: 'object',
      properties: {
        replicas: {
          type: 'integer',
          title: 'Replicas',
          minimum: 1,
          maximum: 10,
          'x-console-widget': 'range',
        },
      },
    };
    render(<Harness schema={schema} initial={{ replicas: 3 }} />);
    const slider = within(await form()).getByRole('slider', {
      name: 'Replicas',
    });
    expect(slider).toHaveAttribute('min', '1');
    expect(slider).toHaveAttribute('max', '10');
    const shown = within(await form()).getByRole('status');
    expect(shown).toHaveTextContent('3');
    // A browser steps a native range input with the arrow keys; jsdom does not, so the change carries the value.
    fireEvent.change(slider, { target: { value: '4' } });
    expect(data()).toEqual({ replicas: 4 });
    expect(shown).toHaveTextContent('4');
  });

  it('ports: a list of port objects as well as a map', async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        ports: {
          type: 'array',
          title: 'Ports',
          'x-console-widget': 'ports',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              port: { type: 'integer' },
              targetPort: { type: 'integer' },
              protocol: { enum: ['TCP', 'UDP'] },
            },
          },
        },
      },
    };
    render(
      <Harness
        schema={schema}
        initial={{ ports: [{ name: 'http', port: 80 }] }}
      />,
    );
    const f = await form();
    expect(
      within(f).getByRole('textbox', { name: 'Port of http' }),
    ).toHaveValue('80');
    await user.click(within(f).getByRole('button', { name: 'Add port' }));
    expect(
      within(f).getByRole('textbox', { name: 'Name of port 2' }),
    ).toHaveFocus();
    await user.keyboard('grpc');
    await user.type(
      within(f).getByRole('textbox', { name: 'Port of grpc' }),
      '9090',
    );
    await user.type(
      within(f).getByRole('textbox', { name: 'Target port of grpc' }),
      '9000',
    );
    await user.selectOptions(
      within(f).getByRole('combobox', { name: 'Protocol of grpc' }),
      'TCP',
    );
    expect(data()).toEqual({
      ports: [
        { name: 'http', port: 80 },
        { name: 'grpc', port: 9090, targetPort: 9000, protocol: 'TCP' },
      ],
    });
    await user.clear(
      within(f).getByRole('textbox', { name: 'Name of port 2' }),
    );
    await user.keyboard('http');
    expect(within(f).getAllByText('"http" is used twice.')).toHaveLength(2);
    await user.click(
      // Both are named http now: the second goes.
      within(f).getAllByRole('button', { name: 'Remove port http' })[1],
    );
    expect(data().ports).toHaveLength(1);
  });

  it('lists: items are titled from their content, with move and remove buttons that name them', async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        sidecars: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              image: { type: 'string' },
            },
          },
        },
        volumes: {
          type: 'array',
          title: 'Volumes',
          'x-console-item-title': 'path',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              path: { type: 'string' },
            },
          },
        },
      },
    };
    render(
      <Harness
        schema={schema}
        initial={{
          sidecars: [{ name: 'proxy', image: 'envoy' }, { image: 'fluentbit' }],
          volumes: [{ name: 'data', path: '/var/data' }],
        }}
      />,
    );
    const f = await form();
    // An item's legend is its title, without the required mark RJSF gives object items.
    const item = (title: string) =>
      within(f).getByRole('group', { name: title });
    expect(item('proxy')).toBeInTheDocument();
    expect(item('Sidecar 2')).toBeInTheDocument();
    expect(item('/var/data')).toBeInTheDocument();
    await user.type(
      within(item('Sidecar 2')).getByRole('textbox', { name: 'Name' }),
      'logs',
    );
    expect(item('logs')).toBeInTheDocument();
    await user.click(within(f).getByRole('button', { name: 'Move logs up' }));
    expect(data().sidecars).toEqual([
      { name: 'logs', image: 'fluentbit' },
      { name: 'proxy', image: 'envoy' },
    ]);
    await user.click(within(f).getByRole('button', { name: 'Remove proxy' }));
    expect(data().sidecars).toEqual([{ name: 'logs', image: 'fluentbit' }]);
  });

  it('lists: duplicates are refused with a plain message (uniqueItems and x-console-unique-by)', async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        sidecars: {
          type: 'array',
          title: 'Sidecars',
          'x-console-unique-by': 'name',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              image: { type: 'string' },
            },
          },
        },
        tags: {
          type: 'array',
          title: 'Tags',
          uniqueItems: true,
          items: { type: 'string' },
        },
      },
    };
    function Submitting() {
      const [value, setValue] = useState<unknown>({
        sidecars: [
          { name: 'proxy', image: 'envoy:1' },
          { name: 'proxy', image: 'envoy:2' },
        ],
        tags: ['a', 'b', 'a'],
      });
      return (
        <SchemaForm
          idPrefix="u"
          label="Widgets"
          schema={schema}
          formData={value}
          onChange={setValue}
        >
          <button type="submit">Save</button>
        </SchemaForm>
      );
    }
    render(<Submitting />);
    const f = await form();
    await user.click(within(f).getByRole('button', { name: 'Save' }));
    expect(
      await within(f).findByText(
        'Sidecars must not have two items with the same name ("proxy" in items 1 and 2)',
      ),
    ).toBeInTheDocument();
    expect(
      within(f).getByText(
        'Tags must not contain duplicates (items 1 and 3 are equal)',
      ),
    ).toBeInTheDocument();
  });
});
