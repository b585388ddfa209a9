import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Modal, ModalClose, ModalTrigger } from './modal';

function Notice(props: Partial<Parameters<typeof Modal>[0]>) {
  const [open, setOpen] = useState(false);
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      trigger={<ModalTrigger className="button">Show</ModalTrigger>}
      title="Token ci created"
      footer={<ModalClose className="button">Done</ModalClose>}
      {...props}
    >
      {props.children ?? <p>Copy it now.</p>}
    </Modal>
  );
}

async function open(ui: ReactNode) {
  const user = userEvent.setup();
  render(ui);
  const trigger = screen.getByRole('button', { name: 'Show' });
  await user.click(trigger);
  return { user, trigger };
}

describe('Modal', () => {
  it('is a dialog named by its title, with its content and a row of buttons; Done closes it and focus returns', async () => {
    const { user, trigger } = await open(<Notice />);
    const dialog = screen.getByRole('dialog', { name: 'Token ci created' });
    expect(dialog).toHaveClass('dialog');
    expect(dialog).not.toHaveAttribute('aria-describedby');
    expect(within(dialog).getByText('Copy it now.')).toBeInTheDocument();
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done.parentElement).toHaveClass('dialog__actions');
    await user.click(done);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(trigger).toHaveFocus();
  });

  it('opened from state (no trigger), returns focus to the button that opened it; to the page when that is gone', async () => {
    function FromState({ removeOpener = false }: { removeOpener?: boolean }) {
      const [open, setOpen] = useState(false);
      const [done, setDone] = useState(false);
      return (
        <>
          {!(removeOpener && done) && (
            <button type="button" onClick={() => setOpen(true)}>
              Pause environment
            </button>
          )}
          <Modal
            open={open}
            onOpenChange={(next) => {
              setOpen(next);
              if (!next) setDone(true);
            }}
            title="Pause staging?"
            footer={<ModalClose className="button">Cancel</ModalClose>}
          >
            <p>Workloads stop.</p>
          </Modal>
        </>
      );
    }
    const user = userEvent.setup();
    const { unmount } = render(<FromState />);
    const opener = screen.getByRole('button', { name: 'Pause environment' });
    await user.tab();
    expect(opener).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('dialog', { name: 'Pause staging?' }),
    ).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(opener).toHaveFocus();
    // Cancel too.
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(opener).toHaveFocus());
    unmount();

    // The opener removed meanwhile (a row deleted): nothing to return to, no error.
    render(<FromState removeOpener />);
    await user.tab();
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('button', { name: 'Pause environment' }),
    ).not.toBeInTheDocument();
  });

  it('opened with nothing focused (a shortcut, a click that does not focus) leaves focus where Radix puts it, not on the page heading', async () => {
    function Shortcut() {
      const [open, setOpen] = useState(false);
      return (
        <main>
          <h1 tabIndex={-1}>Staging</h1>
          <button type="button" onClick={() => setOpen(true)}>
            Open
          </button>
          <Modal
            open={open}
            onOpenChange={setOpen}
            title="Keyboard shortcuts"
            footer={<ModalClose className="button">Close</ModalClose>}
          >
            <p>?</p>
          </Modal>
        </main>
      );
    }
    const user = userEvent.setup();
    render(<Shortcut />);
    // Opened with <body> focused, as a shortcut does.
    (document.activeElement as HTMLElement | null)?.blur();
    screen.getByRole('button', { name: 'Open' }).click();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(
      await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }),
    ).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('heading', { name: 'Staging' })).not.toHaveFocus();
  });

  it('returns focus to the field a shortcut was pressed in, also when a field inside takes focus itself (the palette)', async () => {
    function Palette() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <input
            aria-label="Filter apps"
            onKeyDown={(e) => {
              if (e.key === 'k' && e.ctrlKey) setOpen(true);
            }}
          />
          <Modal open={open} onOpenChange={setOpen} title="Search">
            <input aria-label="Search or jump to" autoFocus />
          </Modal>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Palette />);
    const field = screen.getByLabelText('Filter apps');
    await user.click(field);
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByLabelText('Search or jump to')).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(field).toHaveFocus();
  });

  it('is described by its description, can be wide, and closes with Escape', async () => {
    const { user } = await open(<Notice description="Shown only once." wide />);
    const dialog = screen.getByRole('dialog', { name: 'Token ci created' });
    expect(dialog).toHaveAccessibleDescription('Shown only once.');
    expect(dialog).toHaveClass('dialog', 'dialog--wide');
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('can take an element inside as its description, hide its title, use a frame of its own and put buttons beside the title', async () => {
    await open(
      <Notice
        title="Command palette"
        titleHidden
        describedBy="hints"
        className="palette"
        footer={undefined}
        actions={<ModalClose aria-label="Close">×</ModalClose>}
      >
        <p id="hints">Type to search.</p>
      </Notice>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    expect(dialog).toHaveAccessibleDescription('Type to search.');
    expect(dialog).toHaveClass('palette');
    expect(dialog).not.toHaveClass('dialog');
    expect(screen.getByText('Command palette')).toHaveClass('visually-hidden');
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close.parentElement).toHaveClass('dialog__header');
    expect(within(dialog).queryByText('Done')).not.toBeInTheDocument();
  });
});
