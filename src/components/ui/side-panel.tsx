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
}

/** A drawer on the right for details; Escape or the close button closes it and focus returns. */
export function SidePanel({ open, onClose, title, aside, children }: SidePanelProps) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="side-panel" aria-describedby={undefined}>
          <div className="side-panel__header">
            <Dialog.Title className="side-panel__title">{title}</Dialog.Title>
            {aside}
            <Dialog.Close className="button button--small side-panel__close">Close</Dialog.Close>
          </div>
          <div className="side-panel__body">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
