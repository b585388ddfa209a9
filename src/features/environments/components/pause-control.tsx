import { useState } from 'react';
import { toast } from 'sonner';
import type { Environment } from '@/api/types';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { useCan } from '@/hooks/use-can';
import { usePauseEnvironment } from '../mutations';
import { useRuntimeSummary } from '../queries';

/** Pause / resume the environment, after a confirmation that says what happens (production: type its id). */
export function PauseControl({
  orgId,
  appId,
  env,
}: {
  orgId: string;
  appId: string;
  env: Environment;
}) {
  const summary = useRuntimeSummary(orgId, appId, env.id);
  const pause = usePauseEnvironment(orgId, appId, env.id);
  const may = useCan(orgId, 'deploy', { appId, envType: env.type });
  const [open, setOpen] = useState(false);
  const paused = summary.data?.find((row) => row.id === env.id)?.paused;
  if (!env.last_deploy) return null;
  const action = paused ? 'Resume' : 'Pause';
  const confirm = () =>
    pause.mutate(!paused, {
      onSuccess: () => {
        setOpen(false);
        toast.success(paused ? `Resumed ${env.name}` : `Paused ${env.name}`);
      },
    });
  return (
    <>
      <GuardedButton
        can={may}
        className={`button${paused ? ' button--primary' : ''}`}
        disabled={paused === undefined}
        onClick={() => {
          pause.reset();
          setOpen(true);
        }}
      >
        {action} environment
      </GuardedButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`${action} ${env.name}?`}
        confirmLabel={`${action} ${env.id}`}
        danger={!paused}
        typeToConfirm={env.type === 'production' ? env.id : undefined}
        pending={pause.isPending}
        error={pause.error}
        onConfirm={confirm}
      >
        {paused ? (
          <p>
            Every workload of <code>{env.id}</code> is scaled back to its
            replicas and starts serving again. Deployments and replica changes
            are allowed again.
          </p>
        ) : (
          <p>
            Every workload of <code>{env.id}</code> is scaled to 0 replicas and
            stops serving. While it is paused, deployments and replica changes
            are refused; resume it to bring the workloads back.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
