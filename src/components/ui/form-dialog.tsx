import * as Dialog from '@radix-ui/react-dialog';
import type { FormEvent, ReactNode } from 'react';
import './dialog.css';

/** The button that opens a `FormDialog` (put it in `trigger`); focus returns to it when the dialog closes. */
export const FormDialogTrigger = Dialog.Trigger;
/** A button that closes the `FormDialog` it is in (e.g. "Done" in its `result`). */
export const FormDialogClose = Dialog.Close;

/** The class names of a dialog's parts: the console's dialog (default) or the diff page's. */
const LOOKS = {
  dialog: {
    overlay: 'dialog-overlay',
    content: 'dialog',
    title: 'dialog__title',
    actions: 'dialog__actions',
  },
  diff: {
    overlay: 'overlay',
    content: 'diff-dialog',
    title: undefined,
    actions: 'diff-dialog__actions',
  },
} as const;

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Rendered inside the dialog root, before it: a `FormDialogTrigger`, or a disabled stand-in. */
  trigger?: ReactNode;
  title: ReactNode;
  /** Says what the form does; it describes the dialog. */
  description?: ReactNode;
  /** The fields. */
  children: ReactNode;
  submitLabel: ReactNode;
  /** The submit button's text while `pending` (default "Working…"). */
  pendingLabel?: ReactNode;
  pending?: boolean;
  /** Extra condition for the submit button (e.g. the required fields are filled in). */
  canSubmit?: boolean;
  danger?: boolean;
  /** The refusal of the last attempt, shown after the fields (e.g. an `ErrorPanel`). */
  error?: ReactNode;
  /** Called on submit (Enter or the button) unless pending or `canSubmit` is false. */
  onSubmit: () => void;
  /** When given, shown in place of the form (e.g. what was created, with a `FormDialogClose`). */
  result?: ReactNode;
  /** Where focus goes when the dialog closes, when there is no trigger to return to. */
  returnFocusTo?: () => HTMLElement | null | undefined;
  look?: keyof typeof LOOKS;
}

/**
 * A modal dialog around one form: title, optional description, the fields, the error of the last attempt, and
 * Cancel + submit. Escape or Cancel closes it; focus returns to the trigger (or `returnFocusTo`). The content is
 * mounted only while open, so the fields' own state starts afresh each time.
 */
export function FormDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  submitLabel,
  pendingLabel = 'Working…',
  pending = false,
  canSubmit = true,
  danger = false,
  error,
  onSubmit,
  result,
  returnFocusTo,
  look = 'dialog',
}: FormDialogProps) {
  const classes = LOOKS[look];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit && !pending) onSubmit();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger}
      <Dialog.Portal>
        <Dialog.Overlay className={classes.overlay} />
        <Dialog.Content
          className={classes.content}
          {...(description === undefined
            ? { 'aria-describedby': undefined }
            : {})}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo?.();
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <Dialog.Title className={classes.title}>{title}</Dialog.Title>
          {description !== undefined && (
            <Dialog.Description className="muted">
              {description}
            </Dialog.Description>
          )}
          {result !== undefined ? (
            result
          ) : (
            <form onSubmit={submit}>
              {children}
              {error}
              <div className={classes.actions}>
                <Dialog.Close className="button" type="button">
                  Cancel
                </Dialog.Close>
                <button
                  type="submit"
                  className={`button ${danger ? 'button--danger' : 'button--primary'}`}
                  disabled={pending || !canSubmit}
                >
                  {pending ? pendingLabel : submitLabel}
                </button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
