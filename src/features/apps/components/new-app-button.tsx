import { lazy, Suspense, useState } from 'react';
import { useCan } from '@/hooks/use-can';

const loadDialog = () => import('./create-app-dialog');
const CreateAppDialog = lazy(() =>
  loadDialog().then((m) => ({ default: m.CreateAppDialog })),
);

/**
 * "New application" on the landing. The dialog (Radix, forms, validation) is not in the landing's code: a
 * plain button stands in until it is pressed (its code loads as the pointer or focus reaches it), or until the
 * permissions say the user may not, when the dialog's own disabled button says why.
 */
export function NewAppButton({ orgId }: { orgId: string }) {
  const may = useCan(orgId, 'create-app');
  const [wanted, setWanted] = useState(false);
  const preload = () => void loadDialog().catch(() => undefined);
  const plain = (busy: boolean) => (
    <button
      type="button"
      className="button button--primary"
      aria-disabled={busy || undefined}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => setWanted(true)}
    >
      New application
    </button>
  );
  if (!wanted && (may.loading || may.allowed)) return plain(false);
  return (
    <Suspense fallback={plain(true)}>
      <CreateAppDialog orgId={orgId} defaultOpen={wanted} />
    </Suspense>
  );
}
