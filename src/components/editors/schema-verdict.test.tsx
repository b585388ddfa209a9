/**
 * The form's side of "one verdict" (issue 18), as a person sees it: a cron
 * field that holds no cron expression, a quantity in a unit the schema
 * forbids and a broken cross-field rule are errors at their fields, worded
 * as the engine words them (agreement.test.ts proves the words are the same).
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SchemaForm } from './schema-form';

function Harness({ schema, initial }: { schema: object; initial?: unknown }) {
  const [data, setData] = useState<unknown>(initial ?? {});
  return (
    <SchemaForm
      idPrefix="v"
      label="Verdict"
      schema={schema}
      formData={data}
      onChange={setData}
      liveValidate
    />
  );
}

const form = () => screen.findByRole('form', { name: 'Verdict' });

describe('the form refuses what the engine refuses', () => {
  it('a cron field: the error is the validator’s, said once', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        schema={{
          type: 'object',
          properties: {
            schedule: {
              type: 'string',
              title: 'Schedule',
              'x-console-widget': 'cron',
            },
          },
        }}
      />,
    );
    const input = within(await form()).getByRole('textbox', {
      name: 'Schedule',
    });
    await user.type(input, '0 24 * * *');
    expect(
      await screen.findByText(
        'Schedule must be a cron expression: the hour must be 0 to 23; got "24"',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Not a cron expression/)).toBeNull();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, '0 23 * * 1-5');
    expect(
      await screen.findByText(/^Runs at 23:00, Monday through Friday/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/must be a cron expression/)).toBeNull();
  });

  it('a memory field offers only the units its pattern allows, and a value in another unit gets the schema’s message', async () => {
    const user = userEvent.setup();
    const schema = {
      type: 'object',
      properties: {
        memory: {
          type: 'string',
          title: 'Memory',
          'x-console-widget': 'memory',
          pattern: '^[1-9][0-9]*(Mi|Gi)$',
          'x-console-errors': { pattern: 'Use whole MiB or GiB.' },
        },
        cpu: { type: 'number', title: 'CPU', 'x-console-widget': 'cpu' },
      },
    };
    const { unmount } = render(<Harness schema={schema} />);
    const unit = within(await form()).getByRole('combobox', {
      name: 'Memory unit',
    });
    expect(
      within(unit)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['MiB', 'GiB']);
    // A number field takes cores only: millicores would be a string.
    expect(
      within(screen.getByRole('combobox', { name: 'CPU unit' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['cores']);
    unmount();

    render(<Harness schema={schema} initial={{ memory: '1G' }} />);
    const text = within(await form()).getByRole('textbox', {
      name: 'Memory',
    });
    expect(text).toHaveValue('1G');
    expect(screen.queryByRole('combobox', { name: 'Memory unit' })).toBeNull();
    await user.type(text, 'B');
    expect(
      await screen.findByText('Use whole MiB or GiB.'),
    ).toBeInTheDocument();
  });

  it('a cross-field rule shows its message at the field to fix', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        schema={{
          type: 'object',
          properties: {
            requests: {
              type: 'object',
              title: 'Requests',
              properties: { cpu: { type: 'string', title: 'CPU request' } },
            },
            limits: {
              type: 'object',
              title: 'Limits',
              properties: { cpu: { type: 'string', title: 'CPU limit' } },
            },
          },
          'x-console-rules': [
            {
              rule: 'compare',
              field: '/limits/cpu',
              op: '>=',
              than: '/requests/cpu',
              as: 'cpu',
            },
          ],
        }}
        initial={{ requests: { cpu: '500m' } }}
      />,
    );
    const limit = within(await form()).getByRole('textbox', {
      name: 'CPU limit',
    });
    await user.type(limit, '250m');
    const message = await screen.findByText(
      'CPU limit must be at least CPU request (500m)',
    );
    expect(limit).toHaveAttribute(
      'aria-describedby',
      expect.stringContaining(message.closest('ul')!.id),
    );
    await user.clear(limit);
    await user.type(limit, '1');
    expect(screen.queryByText(/must be at least/)).toBeNull();
  });
});
