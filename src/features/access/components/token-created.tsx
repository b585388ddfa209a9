import { CopyButton } from '@/components/ui/copy-button';
import { Modal, ModalClose } from '@/components/ui/modal';

/** The new token's secret, shown once: it lives only in this dialog's props and is gone when it closes. */
export function TokenCreated({
  secret,
  tokenId,
  onClose,
  returnFocusTo,
}: {
  secret: string | null;
  tokenId: string;
  onClose: () => void;
  /** Where focus goes when it closes. */
  returnFocusTo?: () => HTMLElement | null;
}) {
  return (
    <Modal
      open={secret !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Token ${tokenId} created`}
      returnFocusTo={returnFocusTo}
      footer={<ModalClose className="button button--primary">Done</ModalClose>}
    >
      <p>
        Copy it now: it is shown only once. The console keeps only its hash.
      </p>
      <div className="row">
        <code className="mono" data-testid="token-secret">
          {secret}
        </code>
        {secret && <CopyButton text={secret} label="the token" />}
      </div>
    </Modal>
  );
}
