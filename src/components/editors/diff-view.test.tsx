import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiffView } from './diff-view';
import { prerenderDiff } from './diff-view-cache';

const XSS = [
  '<script>alert("x")</script>',
  '<img src=x onerror="alert(1)">',
  '"><svg onload=alert(2)>',
];
const before = [
  'name: api',
  'image: registry/api:1.0.0',
  `note: ${XSS[0]}`,
  'replicas: 2',
  '',
].join('\n');
const after = [
  'name: api',
  'image: registry/api:1.1.0',
  `note: ${XSS[1]}`,
  `title: ${XSS[2]}`,
  'replicas: 2',
  '',
].join('\n');

describe('DiffView', () => {
  it('shows a diff rendered ahead at once, without a skeleton first', async () => {
    const input = {
      name: 'ahead',
      before,
      after,
      layout: 'unified' as const,
      context: 'compact' as const,
    };
    await prerenderDiff(input);
    render(<DiffView {...input} label="Rendered ahead" />);
    // Synchronously on the first render: no findBy, no waiting.
    const view = screen.getByRole('group', { name: 'Rendered ahead' });
    expect(view.textContent).toContain('registry/api:1.1.0');
    expect(screen.queryByText(/Rendering the diff/)).toBeNull();
  });

  it('renders a diff not rendered ahead in a later task, a skeleton meanwhile', async () => {
    render(
      <DiffView name="later" before={before} after={after} label="Later" />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Rendering the diff of later',
    );
    await screen.findByRole('group', { name: 'Later' });
  });

  it('renders a unified diff with +/- signs and changed words highlighted', async () => {
    const { container } = render(
      <DiffView
        name="api"
        before={before}
        after={after}
        label="Text diff of api"
      />,
    );
    const view = await screen.findByRole('group', { name: 'Text diff of api' });
    expect(view).toHaveAttribute('data-layout', 'unified');
    const lines = [...container.querySelectorAll('.d2h-code-line')].map((l) =>
      l.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(lines).toContain('- image: registry/api:1.0.0');
    expect(lines).toContain('+ image: registry/api:1.1.0');
    expect(
      container.querySelector('.d2h-ins ins, .d2h-del del'),
    ).not.toBeNull();
  });

  it('renders HTML and script in values as text, never as elements', async () => {
    const { container } = render(
      <DiffView
        name={'<b>api</b>'}
        before={before}
        after={after}
        label="Text diff"
        layout="split"
      />,
    );
    const view = await screen.findByRole('group', { name: 'Text diff' });
    for (const payload of XSS) expect(view.textContent).toContain(payload);
    expect(container.querySelector('script, img, svg[onload], b')).toBeNull();
    expect(container.querySelector('[onerror], [onload]')).toBeNull();
  });

  it('lets a wrapped line break after a slash only, keeping the text as it is', async () => {
    const { container } = render(
      <DiffView name="api" before={before} after={after} label="Breaks" />,
    );
    await screen.findByRole('group', { name: 'Breaks' });
    const added = [
      ...container.querySelectorAll('.d2h-ins .d2h-code-line-ctn'),
    ].find((l) => l.textContent?.includes('api:1.1.0'));
    expect(added?.textContent).toBe('image: registry/api:1.1.0');
    expect(added?.innerHTML).toMatch(/registry\/<wbr>/);
    expect(added?.innerHTML).not.toMatch(/api:1\.<wbr>|1\.1<wbr>/);
  });

  it('shows split panes reachable by keyboard, and says when the texts are equal', async () => {
    const { rerender } = render(
      <DiffView
        name="api"
        before={before}
        after={after}
        label="Split"
        layout="split"
      />,
    );
    const view = await screen.findByRole('group', { name: 'Split' });
    expect(within(view).getByRole('group', { name: 'Before' })).toHaveAttribute(
      'tabindex',
      '0',
    );
    expect(within(view).getByRole('group', { name: 'After' })).toHaveAttribute(
      'tabindex',
      '0',
    );
    rerender(
      <DiffView name="api" before={before} after={before} label="Same" />,
    );
    expect(
      await screen.findByText('No changes in the text of api.'),
    ).toBeInTheDocument();
  });

  it('shows every line in full context and only the changes with their neighbours when compact', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `line${i}: ${i}`).join(
      '\n',
    );
    const changed = long.replace('line15: 15', 'line15: fifteen');
    const { container, rerender } = render(
      <DiffView name="f" before={long} after={changed} label="D" />,
    );
    await screen.findByRole('group', { name: 'D' });
    expect(container.textContent).not.toContain('line0: 0');
    rerender(
      <DiffView
        name="f"
        before={long}
        after={changed}
        label="D"
        context="full"
      />,
    );
    await screen.findByText(
      (_, el) =>
        el?.classList.contains('d2h-code-line-ctn') === true &&
        el.textContent === 'line0: 0',
    );
  });
});
