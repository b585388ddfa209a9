import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDelete, type DeleteMutation } from './confirm-delete';

const allowed = { allowed: true, loading: false };

/** A delete mutation that refuses the first attempt (as the API's 409 would) and succeeds afterwards. */
function useRefusingOnce(onDelete: (id: string) => void) {
  const [error, setError] = useState<Error | null>(null);
  const [attempts, setAttempts] = useState(0);
  const remove: DeleteMutation<string> = {
    mutate(id, { onSuccess }) {
      setAttempts(attempts + 1);
      if (attempts === 0) {
        setError(new Error('Environment type qa is used by environments qa-1'));
        return;
      }
      onDelete(id);
      onSuccess();
    },
    reset: () => setError(null),
    isPending: false,
    error,
  };
  return remove;
}

function DeleteQa({ onDelete }: { onDelete: (id: string) => void }) {
  const remove = useRefusingOnce(onDelete);
  return (
    <ConfirmDelete
      can={allowed}
      label="Delete environment type qa"
      title="Delete environment type qa?"
      confirmLabel="Delete type"
      remove={remove}
      variables="qa"
    >
      <p>Its deployers go with it.</p>
    </ConfirmDelete>
  );
}

describe('ConfirmDelete', () => {
  it('asks first, keeps the dialog open with the refusal, and closes once the delete succeeds', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn();
    render(<DeleteQa onDelete={onDelete} />);
    await user.click(
      screen.getByRole('button', { name: 'Delete environment type qa' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Delete environment type qa?',
    });
    expect(dialog).toHaveTextContent('Its deployers go with it.');
    await user.click(screen.getByRole('button', { name: 'Delete type' }));
    expect(dialog).toHaveTextContent('used by environments qa-1');
    expect(onDelete).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete type' }));
    expect(onDelete).toHaveBeenCalledWith('qa');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('sends focus to the heading of its section when the delete takes its button away with the row', async () => {
    function Rows() {
      const [rows, setRows] = useState(['qa']);
      return (
        <main>
          <h1 tabIndex={-1}>Settings</h1>
          <section aria-labelledby="types-heading">
            <h2 id="types-heading">Environment types</h2>
            {rows.map((id) => (
              <DeleteQa key={id} onDelete={() => setRows([])} />
            ))}
          </section>
        </main>
      );
    }
    const user = userEvent.setup();
    render(<Rows />);
    await user.tab();
    await user.keyboard('{Enter}');
    // Refused once (the API's 409), then deleted: the row and its button are gone.
    await user.click(screen.getByRole('button', { name: 'Delete type' }));
    await user.click(screen.getByRole('button', { name: 'Delete type' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Delete environment type qa' }),
    ).toBeNull();
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Environment types' }),
      ).toHaveFocus(),
    );
  });

  it('is disabled with the reason when the user may not delete', () => {
    render(
      <ConfirmDelete
        can={{ allowed: false, loading: false, reason: 'Needs a manager.' }}
        label="Delete secret store vault-1"
        title="Delete secret store vault-1?"
        confirmLabel="Delete store"
        remove={{
          mutate: vi.fn(),
          reset: vi.fn(),
          isPending: false,
          error: null,
        }}
        variables="vault-1"
      >
        <p>Gone.</p>
      </ConfirmDelete>,
    );
    const button = screen.getByRole('button', {
      name: 'Delete secret store vault-1',
    });
    expect(button).toHaveAccessibleDescription(/Needs a manager/);
  });
});
