import * as Dialog from '@radix-ui/react-dialog';
import { CopyButton } from '@/components/ui/copy-button';

/** The new token's secret, shown once: it lives only in this dialog's props and is gone when it closes. */
export function TokenCreated({
  secret,
  tokenId,
  onClose,
}: {
  secret: string | null;
  tokenId: string;
  onClose: () => void;
}) {
  return (
    <Dialog.Root
      open={secret !== null}
      onOpenChange={(open) => !open && onClose()}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">
            Token {tokenId} created
          </Dialog.Title>
          <p>
            Copy it now: it is shown only once. The console keeps only its hash.
          </p>
          <div className="row">
            <code className="mono" data-testid="token-secret">
              {secret}
            </code>
            {secret && <CopyButton text={secret} label="the token" />}
          </div>
          <div className="dialog__actions">
            <Dialog.Close className="button button--primary">Done</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
