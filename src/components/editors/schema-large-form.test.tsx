import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchemaForm, type SchemaFormProps } from './schema-form';
import { focusField } from './schema-form-focus';

function Harness(props: Partial<SchemaFormProps> & { schema: object }) {
  const [data, setData] = useState<unknown>({});
  return (
    <SchemaForm
      idPrefix="t"
      label="Large form"
      formData={data}
      onChange={setData}
      {...props}
    >
      <button type="submit">Submit</button>
    </SchemaForm>
  );
}

/** `sections` sections of `fields` fields: `Field s.f`, every third one a lowercase-only text. */
function largeSchema(sections = 5, fields = 6, required = false) {
  const properties: Record<string, unknown> = {};
  for (let s = 1; s <= sections; s += 1) {
    const own: Record<string, unknown> = {};
    for (let f = 1; f <= fields; f += 1)
      own[`field_${f}`] =
        f % 3 === 0
          ? { type: 'integer', title: `Field ${s}.${f}` }
          : {
              type: 'string',
              title: `Field ${s}.${f}`,
              pattern: '^[a-z]*$',
              'x-console-errors': { pattern: 'Lowercase letters only.' },
            };
    properties[`section_${s}`] = {
      type: 'object',
      title: `Section ${s}`,
      properties: own,
      ...(required ? { required: ['field_1'] } : {}),
    };
  }
  return {
    type: 'object',
    properties,
    ...(required ? { required: Object.keys(properties) } : {}),
  };
}

const toggle = (name: string) =>
  screen.getByRole('button', { name: new RegExp(`^${name}$`) });
const field = (label: string) => screen.getByLabelText(label, { exact: true });

/** IntersectionObserver is not in jsdom: this one reports what the test says is in the band. */
class FakeObserver {
  static last: FakeObserver | undefined;
  targets: Element[] = [];
  constructor(private callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {}
  show(id: string) {
    this.callback(
      this.targets.map(
        (target) =>
          ({
            target,
            isIntersecting: target.id === id,
          }) as IntersectionObserverEntry,
      ),
      this as unknown as IntersectionObserver,
    );
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('SchemaForm: large forms', () => {
  it('leaves a small form as it is: no section buttons, no search', async () => {
    render(<Harness schema={largeSchema(2, 4)} />);
    expect(await screen.findByLabelText('Field 2.4')).toBeInTheDocument();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Section 1' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Section 1' })).toBeVisible();
  });

  it('collapses and expands a section by its heading, and keeps it collapsed while the form changes', async () => {
    const user = userEvent.setup();
    render(<Harness schema={largeSchema()} />);
    await screen.findByLabelText('Field 5.6');
    const heading = toggle('Section 2');
    expect(heading).toHaveAttribute('aria-expanded', 'true');
    expect(heading.closest('h3')).not.toBeNull();
    expect(field('Field 2.1')).toBeVisible();

    await user.click(heading);
    expect(toggle('Section 2')).toHaveAttribute('aria-expanded', 'false');
    expect(field('Field 2.1')).not.toBeVisible();
    // Typing elsewhere re-renders every template: the section stays collapsed, and what it holds stays.
    await user.type(field('Field 1.1'), 'abc');
    expect(field('Field 1.1')).toHaveValue('abc');
    expect(toggle('Section 2')).toHaveAttribute('aria-expanded', 'false');
    expect(field('Field 2.1')).not.toBeVisible();

    // By keyboard.
    toggle('Section 2').focus();
    await user.keyboard('{Enter}');
    expect(toggle('Section 2')).toHaveAttribute('aria-expanded', 'true');
    expect(field('Field 2.1')).toBeVisible();
  });

  it('counts the errors of a collapsed section, and "Go to first error" expands it and focuses the field', async () => {
    const user = userEvent.setup();
    render(<Harness schema={largeSchema()} liveValidate />);
    await user.type(await screen.findByLabelText('Field 4.2'), 'BAD');
    await user.click(toggle('Section 4'));
    const section = screen.getByRole('group', { name: /^Section 4/ });
    expect(within(section).getByText('1 error')).toBeVisible();
    expect(toggle('Section 4')).toHaveAccessibleDescription('1 error');
    const nav = screen.getByRole('navigation', { name: 'On this form' });
    expect(
      within(nav).getByRole('link', { name: 'Section 4 1 error' }),
    ).toBeInTheDocument();
    // The whole form's count stands by "Go to first error".
    expect(
      screen.getByRole('button', { name: 'Go to first error' }).parentElement,
    ).toHaveTextContent('1 error');

    await user.click(screen.getByRole('button', { name: 'Go to first error' }));
    expect(toggle('Section 4')).toHaveAttribute('aria-expanded', 'true');
    expect(field('Field 4.2')).toHaveFocus();
    expect(field('Field 4.2')).toBeVisible();
  });

  it('a refused submit focuses the first missing field, in a collapsed section', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness schema={largeSchema(5, 6, true)} onSubmit={onSubmit} />);
    await screen.findByLabelText(/^Field 5\.6/);
    await user.click(toggle('Section 1'));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(toggle('Section 1')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText(/^Field 1\.1/)).toHaveFocus();
  });

  it('finds a field by label or path, and Enter expands its section and focuses it', async () => {
    const user = userEvent.setup();
    render(<Harness schema={largeSchema()} />);
    await screen.findByLabelText('Field 5.6');
    await user.click(toggle('Section 3'));
    const search = screen.getByRole('combobox', { name: 'Find a field' });

    await user.type(search, 'field 3.5');
    const results = screen.getByRole('listbox', { name: 'Fields' });
    expect(search).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(results).getByRole('option', { name: /^Field 3\.5/ }),
    ).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(toggle('Section 3')).toHaveAttribute('aria-expanded', 'true');
    expect(field('Field 3.5')).toHaveFocus();

    // By property path, choosing with the arrow keys.
    await user.clear(search);
    await user.type(search, 'section_2.field');
    expect(screen.getAllByRole('option')).toHaveLength(6);
    // Escape closes the list; the arrow keys open it again.
    await user.keyboard('{Escape}');
    expect(search).toHaveAttribute('aria-expanded', 'false');
    expect(search).toHaveValue('section_2.field');
    await user.keyboard('{ArrowDown}');
    expect(search).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(field('Field 2.3')).toHaveFocus();

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.getByRole('status')).toHaveTextContent(
      'No field matches “zzz”.',
    );
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(search).toHaveAttribute('aria-expanded', 'false');
    // Enter in the search never submits the form.
    await user.keyboard('{Enter}');
    expect(search).toHaveFocus();
  });

  it('lists the sections, marks the one in view, and a link expands and focuses its section', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const user = userEvent.setup();
    render(<Harness schema={largeSchema()} />);
    await screen.findByLabelText('Field 5.6');
    const nav = screen.getByRole('navigation', { name: 'On this form' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Section 1',
      'Section 2',
      'Section 3',
      'Section 4',
      'Section 5',
    ]);
    expect(links[0]).toHaveAttribute('aria-current', 'location');

    act(() => FakeObserver.last!.show('t_section_3'));
    expect(
      within(nav).getByRole('link', { name: 'Section 3' }),
    ).toHaveAttribute('aria-current', 'location');
    expect(links[0]).not.toHaveAttribute('aria-current');

    await user.click(toggle('Section 5'));
    await user.click(within(nav).getByRole('link', { name: 'Section 5' }));
    expect(toggle('Section 5')).toHaveAttribute('aria-expanded', 'true');
    expect(toggle('Section 5')).toHaveFocus();
    expect(
      within(nav).getByRole('link', { name: 'Section 5' }),
    ).toHaveAttribute('aria-current', 'location');
  });

  it('makes the groups of the root sections too', async () => {
    const schema = largeSchema(4, 7);
    const properties = schema.properties as Record<string, object>;
    properties.replicas = {
      type: 'integer',
      title: 'Replicas',
      'x-console-group': 'Scaling',
    };
    properties.autoscale = {
      type: 'boolean',
      title: 'Autoscale',
      'x-console-group': 'Scaling',
    };
    render(<Harness schema={schema} />);
    await screen.findByLabelText('Replicas');
    const user = userEvent.setup();
    await user.click(toggle('Scaling'));
    expect(field('Replicas')).not.toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'On this form' });
    expect(
      within(nav).getByRole('link', { name: 'Scaling' }),
    ).toBeInTheDocument();
  });

  it("focusField (the error summary's links) expands the section of an engine error", async () => {
    const user = userEvent.setup();
    render(
      <Harness
        schema={largeSchema()}
        noValidate
        extraErrors={{ section_5: { field_4: { __errors: ['Too long'] } } }}
      />,
    );
    await screen.findByLabelText('Field 5.4');
    await user.click(toggle('Section 5'));
    expect(
      screen.getByText('1 error', { selector: '.schema-section__errors' }),
    );
    act(() => {
      expect(focusField('t_section_5_field_4')).toBe(true);
    });
    expect(toggle('Section 5')).toHaveAttribute('aria-expanded', 'true');
    expect(field('Field 5.4')).toHaveFocus();
  });
});
