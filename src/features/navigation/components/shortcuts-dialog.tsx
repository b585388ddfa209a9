import { DataTable } from '@/components/ui/data-table';
import { Icon } from '@/components/layout/icons';
import { Modal, ModalClose } from '@/components/ui/modal';
import { SHORTCUTS } from '../hooks/use-shortcuts';
import { useNavigationUi } from './navigation-context';

const isMac = () =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform);

/** `?`: every keyboard shortcut. */
export function ShortcutsDialog() {
  const { helpOpen, setHelpOpen } = useNavigationUi();
  return (
    <Modal
      open={helpOpen}
      onOpenChange={setHelpOpen}
      title="Keyboard shortcuts"
      wide
      actions={
        <ModalClose className="icon-button" aria-label="Close">
          <Icon name="close" />
        </ModalClose>
      }
      description={
        <>
          Shortcuts work anywhere except while typing in a field. Press a
          sequence like <kbd>g</kbd> <kbd>a</kbd> one key after the other.
        </>
      }
    >
      <DataTable
        caption="Keyboard shortcuts"
        className="shortcuts"
        columns={['Keys', 'Action']}
        rows={SHORTCUTS}
        renderRow={(s) => {
          const keys = 'alt' in s && isMac() ? s.alt : s.keys;
          return (
            <tr key={`${s.keys.join('+')}-${s.description}`}>
              <td className="shortcuts__keys">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 &&
                      (s.keys.length === 2 && s.keys[0] === 'Ctrl'
                        ? '+'
                        : ' then ')}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.description}</td>
            </tr>
          );
        }}
      />
    </Modal>
  );
}
