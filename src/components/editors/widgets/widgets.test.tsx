import { render, screen, within } from '@testing-library/react';
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
const form = () =>
  screen.findByRole('form', { name: 'Widgets' }, { timeout: 15_000 });

describe('custom widgets', { timeout: 60_000 }, () => {
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
});
