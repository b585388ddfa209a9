import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { Modal } from '@/components/ui/modal';
import './access.css';

/**
 * The new token's secret, shown once: it lives only in this dialog's props and is gone when it closes. "Done"
 * closes it; Escape (or a press outside) before the secret was copied only warns, since a stray key would lose a
 * secret that cannot be shown again: a second one closes it.
 */
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
  // Per secret: a new token starts neither copied nor warned about.
  const [state, setState] = useState({
    secret,
    copied: false,
    warned: false,
  });
  if (state.secret !== secret)
    setState({ secret, copied: false, warned: false });
  return (
    <Modal
      open={secret !== null}
      onOpenChange={(open) => !open && onClose()}
      mayDismiss={() => {
        if (state.copied || state.warned) return true;
        setState((s) => ({ ...s, warned: true }));
        return false;
      }}
      title={`Token ${tokenId} created`}
      returnFocusTo={returnFocusTo}
      footer={
        <button
          type="button"
          className="button button--primary"
          onClick={onClose}
        >
          Done
        </button>
      }
    >
      <p>
        Copy it now: it is shown only once. The console keeps only its hash.
      </p>
      <div className="row">
        <code className="mono token-secret" data-testid="token-secret">
          {secret}
        </code>
        {secret && (
          <CopyButton
            text={secret}
            label="the token"
            onCopied={() => setState((s) => ({ ...s, copied: true }))}
          />
        )}
      </div>
      {state.warned && !state.copied && (
        <p role="alert" className="field__error">
          The token is not copied yet and cannot be shown again: copy it, then
          press Done. Escape or a click outside again closes without it.
        </p>
      )}
    </Modal>
  );
}
