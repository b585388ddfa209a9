import { useRef, useState, type ReactNode } from 'react';
import { sectionHeadingOf } from '@/lib/focus';
import type { CanResult } from '@/hooks/use-can';
import { ConfirmDialog } from './confirm-dialog';
import { GuardedButton } from './guarded-button';

/** What ConfirmDelete needs of a delete mutation (TanStack Query's useMutation result fits). */
export interface DeleteMutation<Variables> {
  mutate(variables: Variables, options: { onSuccess: () => void }): void;
  reset(): void;
  isPending: boolean;
  error: unknown;
}

interface ConfirmDeleteProps<Variables> {
  /** Whether the user may delete (disabled with the reason otherwise). */
  can: CanResult;
  /** The button's accessible name, e.g. `Delete secret store vault-1`. */
  label: string;
  /** The button's text where "Delete" alone would be ambiguous beside another (the accessible name should contain it). */
  text?: string;
  /** The dialog's title, e.g. `Delete secret store vault-1?`. */
  title: string;
  confirmLabel: string;
  remove: DeleteMutation<Variables>;
  /** What `remove.mutate` is called with (usually the id). */
  variables: Variables;
  /** What deleting it means and when the API refuses it. */
  children: ReactNode;
}

/**
 * A small Delete button that asks first. The last refusal is cleared when the dialog opens; the API's refusal (a 409
 * naming what still uses it) shows in the dialog, which closes only when the delete succeeds.
 */
export function ConfirmDelete<Variables>({
  can,
  label,
  text = 'Delete',
  title,
  confirmLabel,
  remove,
  variables,
  children,
}: ConfirmDeleteProps<Variables>) {
  const [open, setOpen] = useState(false);
  // The button and the section it is in: the delete takes the button away with its row, and focus then goes to
  // the section's heading (else the page's), not the page's body.
  const opener = useRef<{ button: HTMLElement; section: Element | null }>(
    undefined,
  );
  return (
    <>
      <GuardedButton
        can={can}
        className="button button--small"
        aria-label={label}
        onClick={(event) => {
          opener.current = {
            button: event.currentTarget,
            section: event.currentTarget.closest('section[aria-labelledby]'),
          };
          remove.reset();
          setOpen(true);
        }}
      >
        {text}
      </GuardedButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        confirmLabel={confirmLabel}
        danger
        pending={remove.isPending}
        returnFocusTo={() =>
          opener.current && !opener.current.button.isConnected
            ? sectionHeadingOf(opener.current.section)
            : undefined
        }
        error={remove.error ?? undefined}
        onConfirm={() =>
          remove.mutate(variables, { onSuccess: () => setOpen(false) })
        }
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
