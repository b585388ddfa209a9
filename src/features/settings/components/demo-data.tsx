import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { resetDemoData } from '@/api/console';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { DataTable } from '@/components/ui/data-table';
import { focusIsLost } from '@/lib/focus';
import { useDemoInfo } from '../queries';

/** The embedded engine's fault rules, and a way back to the seeded demo data. */
export function DemoData() {
  const queryClient = useQueryClient();
  const info = useDemoInfo();
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: resetDemoData,
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries();
      toast.success('Demo data restored');
    },
  });
  // The question and its answers take the place of the button that asked (and it theirs): focus goes to the one
  // shown, Cancel for the question, not the page's body. "Yes", disabled while it resets, takes focus back when
  // the reset fails.
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const last = useRef({ confirming, pending: reset.isPending });
  useEffect(() => {
    const before = last.current;
    last.current = { confirming, pending: reset.isPending };
    const target =
      before.confirming !== confirming
        ? confirming
          ? cancelButton
          : openButton
        : confirming && before.pending && !reset.isPending
          ? confirmButton
          : undefined;
    if (target && focusIsLost(confirmButton.current)) target.current?.focus();
  }, [confirming, reset.isPending]);

  return (
    <Panel titleId="demo-heading" title="Embedded engine">
      <PanelBody className="stack">
        <p>
          The console runs on an embedded deployment engine with seeded demo
          data, kept in this browser. Its runtime simulation follows these
          rules, so you can trigger each fault by editing a workload:
        </p>
        {info.isPending && <Skeleton rows={3} label="Loading fault rules" />}
        {info.isError && (
          <ErrorPanel
            error={info.error}
            action="load the engine description"
            onRetry={() => info.refetch()}
          />
        )}
        {info.data && (
          <DataTable
            caption="Fault rules"
            className="table--wrap"
            columns={['Rule', 'Trigger', 'Effect']}
            rows={info.data.fault_rules}
            renderRow={(rule) => (
              <tr key={rule.id}>
                <td>
                  <code>{rule.id}</code>
                </td>
                <td>
                  <ApiText text={rule.trigger} />
                </td>
                <td>
                  <ApiText text={rule.effect} />
                </td>
              </tr>
            )}
          />
        )}
        <div className="row">
          {confirming ? (
            <>
              <span id="demo-reset-question">
                Discard every change and restore the demo data?
              </span>
              <button
                ref={confirmButton}
                type="button"
                className="button button--danger"
                aria-describedby="demo-reset-question"
                onClick={() => reset.mutate()}
                disabled={reset.isPending}
              >
                {reset.isPending ? 'Resetting…' : 'Yes, reset demo data'}
              </button>
              <button
                ref={cancelButton}
                type="button"
                className="button"
                aria-describedby="demo-reset-question"
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
            </>
          ) : (
            <button
              ref={openButton}
              type="button"
              className="button"
              onClick={() => setConfirming(true)}
            >
              Reset demo data…
            </button>
          )}
        </div>
      </PanelBody>
    </Panel>
  );
}
