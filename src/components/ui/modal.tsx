import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';
import { cx } from './panel';
import './dialog.css';

/** A button that opens a `Modal` (put it in `trigger`); focus returns to it when the dialog closes. */
export const ModalTrigger = Dialog.Trigger;
/** A button that closes the `Modal` it is in (e.g. a "Done" in its `footer`, or a close icon in its `actions`). */
export const ModalClose = Dialog.Close;

/** The class names of a dialog's parts: the console's dialog (default) or the diff page's. */
export const MODAL_LOOKS = {
  dialog: {
    overlay: 'dialog-overlay',
    content: 'dialog',
    header: 'dialog__header',
    title: 'dialog__title',
    actions: 'dialog__actions',
  },
  diff: {
    overlay: 'overlay',
    content: 'diff-dialog',
    header: 'dialog__header',
    title: undefined,
    actions: 'diff-dialog__actions',
  },
} as const;

export type ModalLook = keyof typeof MODAL_LOOKS;

export interface ModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Rendered inside the dialog root, before it: a `ModalTrigger`, or a disabled stand-in. */
  trigger?: ReactNode;
  /** Names the dialog. */
  title: ReactNode;
  /** The title names the dialog for assistive technology only (e.g. a palette whose input says what it is). */
  titleHidden?: boolean;
  /** Next to the title, in a header row (e.g. a close icon: a `ModalClose`). */
  actions?: ReactNode;
  /** Says what the dialog is for, under the title; it describes the dialog. */
  description?: ReactNode;
  /** Instead of `description`: the id of an element inside that describes the dialog (e.g. a live hint). */
  describedBy?: string;
  /** The content. */
  children: ReactNode;
  /** After the content, in the row of buttons (e.g. a "Done" `ModalClose`). */
  footer?: ReactNode;
  look?: ModalLook;
  /** Wider than a form (`dialog--wide`), for content side by side such as a table. */
  wide?: boolean;
  /** The class of the dialog box in place of the look's (a frame of its own, e.g. `palette`). */
  className?: string;
  /**
   * Where focus goes when the dialog closes. Without it, focus returns to what had focus when the dialog
   * opened (the trigger, a button that opened it from state, the field a shortcut was pressed in) while that
   * is still on the page, else to the trigger.
   */
  returnFocusTo?: () => HTMLElement | null | undefined;
  /**
   * Asked before Escape or a pointer press outside closes the dialog: false keeps it open (e.g. a secret shown once
   * that is not copied yet). A `ModalClose` or `onOpenChange(false)` from the caller always closes it.
   */
  mayDismiss?: () => boolean;
}

/**
 * A modal dialog: overlay, a box named by its title and described by its description, the content and an optional
 * row of buttons. Escape or a `ModalClose` closes it; focus is trapped inside and returns to the trigger (or
 * `returnFocusTo`, or what had focus before it opened). The content is mounted only while open, so state inside it starts afresh each time.
 * `FormDialog` and `ConfirmDialog` are built on it; features use those three, never the dialog library itself.
 */
export function Modal({
  open,
  onOpenChange,
  trigger,
  title,
  titleHidden = false,
  actions,
  description,
  describedBy,
  children,
  footer,
  look = 'dialog',
  wide = false,
  className,
  returnFocusTo,
  mayDismiss,
}: ModalProps) {
  const classes = MODAL_LOOKS[look];
  // What had focus as the dialog opened, and the page it was on: Radix returns focus to a Dialog.Trigger
  // only, and a dialog opened from state (a button's onClick, a shortcut) would leave a keyboard user on
  // <body>. Read in the render that opens the dialog, before its commit, where an autoFocus field inside
  // takes focus (Radix's onOpenAutoFocus then never runs: the command palette).
  const [opened, setOpened] = useState(false);
  const [opener, setOpener] = useState<{
    element: HTMLElement;
    page: string;
  }>();
  if (open !== opened) {
    setOpened(open);
    // Kept after closing: Radix asks where focus goes once the closed dialog has unmounted.
    if (open) {
      const active = document.activeElement;
      setOpener(
        active instanceof HTMLElement && active !== document.body
          ? { element: active, page: window.location.pathname }
          : undefined,
      );
    }
  }
  const heading = (
    <Dialog.Title className={titleHidden ? 'visually-hidden' : classes.title}>
      {title}
    </Dialog.Title>
  );
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger}
      <Dialog.Portal>
        <Dialog.Overlay className={classes.overlay} />
        <Dialog.Content
          className={className ?? cx(classes.content, wide && 'dialog--wide')}
          {...(description === undefined
            ? { 'aria-describedby': describedBy }
            : {})}
          onEscapeKeyDown={(event) => {
            if (mayDismiss && !mayDismiss()) event.preventDefault();
          }}
          onPointerDownOutside={(event) => {
            // A press outside, not focus moving out (e.g. to a toast): that closes nothing, so it spends no warning.
            if (mayDismiss && !mayDismiss()) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => {
            // A dialog whose action went to another page leaves focus to that page (its heading). Only the
            // path counts: a dialog opened by a search parameter (?new-env) changes the query as it closes.
            if (opener && opener.page !== window.location.pathname) {
              event.preventDefault();
              return;
            }
            const before = opener?.element;
            const target =
              returnFocusTo?.() ?? (before?.isConnected ? before : null);
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
        >
          {actions === undefined ? (
            heading
          ) : (
            <div className={classes.header}>
              {heading}
              {actions}
            </div>
          )}
          {description !== undefined && (
            <Dialog.Description className="muted">
              {description}
            </Dialog.Description>
          )}
          {children}
          {footer !== undefined && (
            <div className={classes.actions}>{footer}</div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
