import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { resetDemoData } from '@/api/console';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { DataTable } from '@/components/ui/data-table';
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
              <span>Discard every change and restore the demo data?</span>
              <button
                type="button"
                className="button button--danger"
                onClick={() => reset.mutate()}
                disabled={reset.isPending}
              >
                {reset.isPending ? 'Resetting…' : 'Yes, reset demo data'}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
            </>
          ) : (
            <button
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
