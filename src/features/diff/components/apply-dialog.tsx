import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import type { Environment, PlainDelta } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { paths } from '@/config/paths';
import { useApplyDelta } from '../mutations';
import { summarizeDelta } from '../utils/diff-model';
import { DiffSummary } from './diff-summary';

interface ApplyDialogProps {
  orgId: string;
  appId: string;
  delta: PlainDelta;
  envs: Environment[];
  /** The environment the change comes from (not offered as a target first). */
  sourceEnvId: string;
  defaultComment: string;
}

/**
 * "Apply to another environment": shows what will change, then saves the
 * change as a delta for the target and deploys it there. Production asks for
 * its id to be typed.
 */
export function ApplyDialog({ orgId, appId, delta, envs, sourceEnvId, defaultComment }: ApplyDialogProps) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [envId, setEnvId] = useState(() => envs.find((e) => e.id !== sourceEnvId)?.id ?? envs[0]?.id ?? '');
  const [comment, setComment] = useState(defaultComment);
  const [confirmation, setConfirmation] = useState('');
  const apply = useApplyDelta(orgId, appId);
  const summary = useMemo(() => summarizeDelta(delta), [delta]);
  const target = envs.find((e) => e.id === envId);
  const needsConfirmation = target?.type === 'production';
  const canDeploy = !!target && (!needsConfirmation || confirmation === envId) && !apply.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canDeploy) return;
    apply.mutate(
      { delta, envId, comment: comment.trim() || defaultComment },
      {
        onSuccess: (deployment) => {
          toast.success(`Deploying the change to ${envId}`);
          setOpen(false);
          navigate(paths.deployment(orgId, appId, envId, deployment.id));
        },
      },
    );
  };
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) apply.reset();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger className="button">Apply to environment…</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="diff-dialog">
          <Dialog.Title>Apply this change to an environment</Dialog.Title>
          <Dialog.Description className="muted">
            The change below is saved as a delta for the environment and deployed on top of what it runs now.
          </Dialog.Description>
          <form onSubmit={submit}>
            <div className="field">
              <label htmlFor="apply-env">Environment</label>
              <select
                id="apply-env"
                className="select"
                value={envId}
                onChange={(e) => {
                  setEnvId(e.target.value);
                  setConfirmation('');
                }}
              >
                {envs.map((env) => (
                  <option key={env.id} value={env.id}>
                    {env.name} ({env.id})
                  </option>
                ))}
              </select>
            </div>
            <DiffSummary summary={summary} headingLevel={3} />
            <div className="field">
              <label htmlFor="apply-comment">Comment</label>
              <input id="apply-comment" className="input" value={comment} onChange={(e) => setComment(e.target.value)} />
            </div>
            {needsConfirmation && (
              <div className="field">
                <label htmlFor="apply-confirm">
                  Type <code>{envId}</code> to deploy to production
                </label>
                <input
                  id="apply-confirm"
                  className="input mono"
                  value={confirmation}
                  autoComplete="off"
                  onChange={(e) => setConfirmation(e.target.value)}
                />
              </div>
            )}
            {apply.isError && <ErrorPanel error={apply.error} action={`apply the change to ${envId}`} />}
            <div className="diff-dialog__actions">
              <Dialog.Close className="button">Cancel</Dialog.Close>
              <button type="submit" className="button button--primary" disabled={!canDeploy}>
                {apply.isPending ? 'Deploying…' : `Deploy to ${envId}`}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
