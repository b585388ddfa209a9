import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import './dialog.css';

interface SidePanelProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Next to the title (e.g. a status badge or actions). */
  aside?: ReactNode;
  children: ReactNode;
  /** Where focus goes when the panel closes, when not the element focused as it opened (or that is gone). */
  returnFocusTo?: () => HTMLElement | null | undefined;
}

/** A drawer on the right for details; Escape (unless inside `[data-handles-escape]`) or the close button closes it and focus returns. */
export function SidePanel({
  open,
  onClose,
  title,
  aside,
  children,
  returnFocusTo,
}: SidePanelProps) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="side-panel"
          aria-describedby={undefined}
          onEscapeKeyDown={(event) => {
            // A control that uses Escape itself (a terminal: Escape leaves it) keeps the panel open.
            if (
              event.target instanceof Element &&
              event.target.closest('[data-handles-escape]')
            )
              event.preventDefault();
          }}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo?.();
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <div className="side-panel__header">
            <Dialog.Title className="side-panel__title">{title}</Dialog.Title>
            {aside}
            <Dialog.Close className="button button--small side-panel__close">
              Close
            </Dialog.Close>
          </div>
          <div className="side-panel__body">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
