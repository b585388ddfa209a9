import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Panel, PanelBody } from './panel';

describe('Panel', () => {
  it('is a region named by its heading, with the header actions beside the heading', () => {
    render(
      <Panel
        titleId="tokens-heading"
        title="API tokens"
        actions={<button type="button">Delete 2 expired tokens</button>}
      >
        <PanelBody className="stack">
          <p>No tokens yet.</p>
        </PanelBody>
      </Panel>,
    );
    const region = screen.getByRole('region', { name: 'API tokens' });
    const heading = screen.getByRole('heading', {
      level: 2,
      name: 'API tokens',
    });
    expect(heading).toHaveAttribute('id', 'tokens-heading');
    expect(region).toHaveAttribute('aria-labelledby', 'tokens-heading');
    expect(region.tagName).toBe('SECTION');
    expect(region).toHaveClass('panel');
    const header = heading.parentElement!;
    expect(header).toHaveClass('panel__header');
    expect(header).toContainElement(
      screen.getByRole('button', { name: 'Delete 2 expired tokens' }),
    );
    expect(screen.getByText('No tokens yet.').parentElement).toHaveClass(
      'panel__body',
      'stack',
    );
  });

  it('generates the heading id when none is given, and takes the heading level', () => {
    render(<Panel title="Summary" headingLevel={3} />);
    const heading = screen.getByRole('heading', { level: 3, name: 'Summary' });
    expect(heading.id).not.toBe('');
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveAttribute(
      'aria-labelledby',
      heading.id,
    );
  });

  it('marks a failure, keeps extra classes, and has no header without a title', () => {
    const { container } = render(
      <Panel failure className="designer__editor">
        <PanelBody flush>body</PanelBody>
      </Panel>,
    );
    const panel = container.firstElementChild!;
    expect(panel).toHaveClass('panel', 'panel--failure', 'designer__editor');
    expect(panel).not.toHaveAttribute('aria-labelledby');
    expect(panel.querySelector('.panel__header')).toBeNull();
    expect(screen.getByText('body')).toHaveClass('panel__body--flush');
    expect(screen.getByText('body')).not.toHaveClass('panel__body');
  });

  it('can be a padded form named by a heading of its own', () => {
    render(
      <Panel as="form" padded aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in</h1>
      </Panel>,
    );
    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(form).toHaveClass('panel', 'panel__body');
  });

  it('renders a body as the element asked for, with its attributes', () => {
    render(
      <PanelBody as="p" role="alert" className="field__error">
        Runtime status could not be loaded
      </PanelBody>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.tagName).toBe('P');
    expect(alert).toHaveClass('panel__body', 'field__error');
  });
});
