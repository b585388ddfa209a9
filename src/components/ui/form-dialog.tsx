import { useState, type FormEvent, type ReactNode } from 'react';
import type { CanResult } from '@/hooks/use-can';
import { GuardedButton } from './guarded-button';
import {
  Modal,
  MODAL_LOOKS,
  ModalClose,
  ModalTrigger,
  type ModalLook,
} from './modal';

/** The button that opens a `FormDialog` (put it in `trigger`); focus returns to it when the dialog closes. */
export const FormDialogTrigger = ModalTrigger;

/** A `FormDialogTrigger` for an action the user may not be allowed: refused, a disabled stand-in saying why. */
export function GuardedFormDialogTrigger({
  can,
  className,
  children,
}: {
  can: CanResult;
  className: string;
  children: ReactNode;
}) {
  return can.allowed ? (
    <FormDialogTrigger className={className}>{children}</FormDialogTrigger>
  ) : (
    <GuardedButton can={can} className={className}>
      {children}
    </GuardedButton>
  );
}

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
  /** When given, shown in place of the form (e.g. what was created), above a "Done" button that closes the dialog. */
  result?: ReactNode;
  /** Where focus goes when the dialog closes, when there is no trigger to return to. */
  returnFocusTo?: () => HTMLElement | null | undefined;
  look?: ModalLook;
  /**
   * The fields hold input the user typed that closing would lose: then Escape or a press outside only warns,
   * and a second one closes (Cancel always closes). Typing again re-arms the warning.
   */
  unsaved?: boolean;
}

/**
 * A modal dialog around one form: title, optional description, the fields, the error of the last attempt, and
 * Cancel + submit. Escape or Cancel closes it (with `unsaved` input, a stray Escape or press outside warns first);
 * focus returns to the trigger (or `returnFocusTo`). The content is mounted only while open, so the fields' own
 * state starts afresh each time.
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
  unsaved = false,
}: FormDialogProps) {
  // Whether a stray Escape (or press outside) was warned about: reset as the dialog opens or the user types on.
  const [warned, setWarned] = useState(false);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    setWarned(false);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit && !pending) onSubmit();
  };
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      mayDismiss={() => {
        if (!unsaved || warned || result !== undefined) return true;
        setWarned(true);
        return false;
      }}
      trigger={trigger}
      title={title}
      description={description}
      look={look}
      returnFocusTo={returnFocusTo}
      footer={
        result !== undefined ? (
          <ModalClose className="button button--primary">Done</ModalClose>
        ) : undefined
      }
    >
      {result !== undefined ? (
        result
      ) : (
        <form onSubmit={submit} onInput={() => warned && setWarned(false)}>
          {children}
          {error}
          {warned && unsaved && (
            <p role="alert" className="field__error">
              What you typed is not saved yet. Escape or a click outside again
              closes without it.
            </p>
          )}
          <div className={MODAL_LOOKS[look].actions}>
            <ModalClose className="button" type="button">
              Cancel
            </ModalClose>
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
    </Modal>
  );
}
