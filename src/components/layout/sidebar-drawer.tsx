import * as Dialog from '@radix-ui/react-dialog';
import { useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Icon } from './icons';

/** Open state of the navigation drawer. */
export function useDrawer() {
  const [open, setOpen] = useState(false);
  return { open, setOpen };
}

interface SidebarDrawerProps {
  open: boolean;
  setOpen: (open: boolean) => void;
  children: ReactNode;
}

/** The sidebar as a modal drawer (narrow screens, or expanding the rail); closes when a link is followed. */
export function SidebarDrawer({ open, setOpen, children }: SidebarDrawerProps) {
  // The drawer is opened by buttons outside it (the menu button, the rail's expand button), not a Radix
  // trigger: Escape or Close returns focus to the one that opened it (it fell to <body>). A followed link
  // leaves focus to the new page (its heading).
  const opener = useRef<HTMLElement | null>(null);
  const followedLink = useRef(false);
  const closeOnLink = (event: MouseEvent) => {
    const link = (event.target as HTMLElement).closest('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    // A link to another page of this tab: that page's heading takes focus. One opened in another tab, or
    // to the page already shown, leaves focus to go back to the opener.
    followedLink.current =
      !event.ctrlKey &&
      !event.metaKey &&
      !event.shiftKey &&
      link.pathname !== window.location.pathname;
    setOpen(false);
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content
          className="drawer"
          onClick={closeOnLink}
          aria-describedby={undefined}
          onOpenAutoFocus={() => {
            const active = document.activeElement;
            opener.current = active instanceof HTMLElement ? active : null;
            followedLink.current = false;
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!followedLink.current && opener.current?.isConnected)
              opener.current.focus();
          }}
        >
          <div className="drawer__header">
            <Dialog.Title className="drawer__title">Navigation</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close navigation">
              <Icon name="close" />
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
