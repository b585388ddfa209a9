import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FormDialog, FormDialogTrigger } from './form-dialog';

function NewEnvironment({
  onSubmit,
  pending = false,
  error,
}: {
  onSubmit: (id: string) => void;
  pending?: boolean;
  error?: string;
}) {
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <FormDialogTrigger className="button">
          New environment…
        </FormDialogTrigger>
      }
      title="New environment"
      description="It starts from the chosen deployment."
      submitLabel="Create"
      pendingLabel="Creating…"
      pending={pending}
      canSubmit={id !== ''}
      unsaved={id !== ''}
      error={error && <p role="alert">{error}</p>}
      onSubmit={() => onSubmit(id)}
    >
      <label htmlFor="env-id">Environment id</label>
      <input id="env-id" value={id} onChange={(e) => setId(e.target.value)} />
    </FormDialog>
  );
}

describe('FormDialog', () => {
  it('with unsaved input, a stray Escape only warns; typing on re-arms it; a second Escape closes', async () => {
    const user = userEvent.setup();
    render(<NewEnvironment onSubmit={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'New environment…' }));
    // Nothing typed: Escape closes at once.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New environment…' }));
    await user.type(screen.getByLabelText('Environment id'), 'qa-eu');
    await user.keyboard('{Escape}');
    expect(
      screen.getByRole('dialog', { name: 'New environment' }),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'What you typed is not saved yet. Escape or a click outside again closes without it.',
    );
    expect(screen.getByLabelText('Environment id')).toHaveValue('qa-eu');
    // Typing on: the warning goes, and the next stray Escape warns again.
    await user.type(screen.getByLabelText('Environment id'), '-1');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alert')).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('button', { name: 'New environment…' }),
    ).toHaveFocus();
  });

  it('opens from its trigger as a named, described dialog and submits the form', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<NewEnvironment onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'New environment…' }));
    const dialog = screen.getByRole('dialog', { name: 'New environment' });
    expect(dialog).toHaveAccessibleDescription(
      'It starts from the chosen deployment.',
    );
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
    await user.type(screen.getByLabelText('Environment id'), 'qa{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('qa');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('closes on Cancel and returns focus to the trigger', async () => {
    const user = userEvent.setup();
    render(<NewEnvironment onSubmit={vi.fn()} />);
    const trigger = screen.getByRole('button', { name: 'New environment…' });
    await user.click(trigger);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(trigger).toHaveFocus();
  });

  it('shows the error of the last attempt and the pending state', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <NewEnvironment onSubmit={onSubmit} pending error="The id is taken" />,
    );
    await user.click(screen.getByRole('button', { name: 'New environment…' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The id is taken');
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    await user.type(screen.getByLabelText('Environment id'), 'qa{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the result in place of the form, with a Done button that closes the dialog', async () => {
    const user = userEvent.setup();
    function Created() {
      const [open, setOpen] = useState(false);
      return (
        <FormDialog
          open={open}
          onOpenChange={setOpen}
          trigger={<FormDialogTrigger>New delta…</FormDialogTrigger>}
          title="New delta"
          submitLabel="Create"
          onSubmit={() => {}}
          result={<p role="status">Created: d-1</p>}
        >
          <input aria-label="Name" />
        </FormDialog>
      );
    }
    render(<Created />);
    const trigger = screen.getByRole('button', { name: 'New delta…' });
    await user.click(trigger);
    expect(screen.getByRole('status')).toHaveTextContent('Created: d-1');
    expect(screen.queryByLabelText('Name')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(trigger).toHaveFocus();
  });
});
