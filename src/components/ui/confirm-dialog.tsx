import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from '@/lib/errors';
import { ApiText } from './api-text';
import { Modal, ModalClose } from './modal';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What will change (and any fields the action needs). */
  children: ReactNode;
  confirmLabel: string;
  /** The user must type this text (e.g. the production environment's id) to confirm. */
  typeToConfirm?: string;
  danger?: boolean;
  pending?: boolean;
  /** The refusal of the last attempt, shown in place. */
  error?: unknown;
  /** Extra condition for the confirm button (e.g. a valid number). */
  canConfirm?: boolean;
  onConfirm: () => void;
  /** Where focus goes on closing when not back to the opener (e.g. the opener was deleted); see Modal. */
  returnFocusTo?: () => HTMLElement | null | undefined;
}

/** A confirmation that says what will change; for production it asks to type the environment id. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  returnFocusTo,
  ...form
}: ConfirmDialogProps) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      returnFocusTo={returnFocusTo}
    >
      {/* Mounted only while open, so the typed confirmation starts empty every time. */}
      <ConfirmForm {...form} />
    </Modal>
  );
}

type FormProps = Omit<
  ConfirmDialogProps,
  'open' | 'onOpenChange' | 'title' | 'returnFocusTo'
>;

function ConfirmForm({
  children,
  confirmLabel,
  typeToConfirm,
  danger,
  pending,
  error,
  canConfirm = true,
  onConfirm,
}: FormProps) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const ready =
    canConfirm && !pending && (!typeToConfirm || typed === typeToConfirm);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onConfirm();
  };
  return (
    <form onSubmit={submit}>
      <div className="stack">{children}</div>
      {typeToConfirm && (
        <div className="field" style={{ marginTop: 'var(--space-3)' }}>
          <label htmlFor={inputId}>
            Type <code>{typeToConfirm}</code> to confirm
          </label>
          <input
            id={inputId}
            className="input mono"
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      )}
      {error !== undefined && error !== null && (
        <p role="alert" className="field__error">
          <ApiText text={describeError(error).message} />
        </p>
      )}
      <div className="dialog__actions">
        <ModalClose className="button" type="button">
          Cancel
        </ModalClose>
        <button
          type="submit"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={!ready}
        >
          {pending ? 'Working…' : confirmLabel}
        </button>
      </div>
    </form>
  );
}
