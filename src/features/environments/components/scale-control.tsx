import { useId, useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { useCan } from '@/hooks/use-can';
import { useScaleWorkload } from '../mutations';

interface ScaleControlProps {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  workloadId: string;
  desired: number;
  /** Scaling is refused while the environment is paused. */
  paused: boolean;
}

/** Changes a workload's replica count after a confirmation that shows the change (production: type the env id). */
export function ScaleControl({
  orgId,
  appId,
  envId,
  envType,
  workloadId,
  desired,
  paused,
}: ScaleControlProps) {
  const scale = useScaleWorkload(orgId, appId, envId);
  const may = useCan(orgId, 'deploy', { appId, envType });
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(String(desired));
  const inputId = useId();
  const replicas = Number(value);
  const valid =
    value.trim() !== '' &&
    Number.isInteger(replicas) &&
    replicas >= 0 &&
    replicas <= 100;
  const confirm = () =>
    scale.mutate(
      { workloadId, replicas },
      {
        onSuccess: () => {
          setOpen(false);
          toast.success(
            `Scaled ${workloadId} to ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}`,
          );
        },
      },
    );
  return (
    <>
      <GuardedButton
        can={may}
        className="button button--small"
        disabled={paused}
        onClick={() => {
          scale.reset();
          setValue(String(desired));
          setOpen(true);
        }}
      >
        Scale {workloadId}
      </GuardedButton>
      {paused && (
        <span className="muted">Resume the environment to scale.</span>
      )}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Scale ${workloadId} in ${envId}`}
        confirmLabel={valid ? `Scale to ${replicas}` : 'Scale'}
        typeToConfirm={envType === 'production' ? envId : undefined}
        canConfirm={valid && replicas !== desired}
        pending={scale.isPending}
        error={scale.error}
        onConfirm={confirm}
      >
        <div className="field">
          <label htmlFor={inputId}>Replicas of {workloadId}</label>
          <input
            id={inputId}
            className="input"
            type="number"
            min={0}
            max={100}
            step={1}
            value={value}
            aria-invalid={!valid}
            aria-describedby={`${inputId}-change`}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <p id={`${inputId}-change`}>
          {valid
            ? replicas === desired
              ? `${workloadId} already runs ${desired} ${desired === 1 ? 'replica' : 'replicas'}.`
              : `${workloadId} goes from ${desired} to ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}${replicas === 0 ? ' and stops serving' : ''}.`
            : 'Enter a whole number from 0 to 100.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
