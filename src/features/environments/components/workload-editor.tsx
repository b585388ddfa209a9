import { useState, type FormEvent } from 'react';
import type { Deployment, Workload } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { pointerSegment, useDeployChange } from '../mutations';
import { containersOf } from '../utils/workloads';

interface WorkloadEditorProps {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  workloadId: string;
  workload: Workload;
  onDeployed: (deployment: Deployment) => void;
}

interface Draft {
  images: Record<string, string>;
  comment: string;
}

/** Edit a workload's container images and deploy the change. The draft survives errors and reloads. */
export function WorkloadEditor(props: WorkloadEditorProps) {
  const { orgId, appId, envId, envType, workloadId, workload, onDeployed } = props;
  const containers = containersOf(workload);
  const current = Object.fromEntries(containers.map((c) => [c.id, c.image]));
  const [draft, setDraft, clearDraft] = usePersistentState<Draft>(
    `draft:${orgId}/${appId}/${envId}/${workloadId}`,
    { images: {}, comment: '' },
  );
  const [confirmation, setConfirmation] = useState('');
  const deploy = useDeployChange(orgId, appId, envId);

  const images = { ...current, ...draft.images };
  const changed = containers.filter((c) => images[c.id] !== c.image);
  const invalid = containers.filter((c) => !images[c.id]?.trim());
  const needsConfirmation = envType === 'production';
  const canDeploy =
    changed.length > 0 &&
    invalid.length === 0 &&
    (!needsConfirmation || confirmation === envId) &&
    !deploy.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canDeploy) return;
    const updates = changed.map((c) => ({
      op: 'replace',
      path: `/spec/containers/${pointerSegment(c.id)}/image`,
      value: images[c.id].trim(),
    }));
    deploy.mutate(
      { workloadId, updates, comment: draft.comment.trim() },
      {
        onSuccess: (deployment) => {
          clearDraft();
          onDeployed(deployment);
        },
      },
    );
  };

  if (containers.length === 0) {
    return <p className="muted">This workload has no containers to edit.</p>;
  }

  return (
    <form onSubmit={submit} aria-labelledby="edit-heading" noValidate>
      <h2 id="edit-heading">Change and deploy</h2>
      {containers.map((c) => (
        <div className="field" key={c.id}>
          <label htmlFor={`image-${c.id}`}>Image of container {c.id}</label>
          <input
            id={`image-${c.id}`}
            className="input mono"
            value={images[c.id]}
            aria-invalid={!images[c.id]?.trim()}
            aria-describedby={`image-${c.id}-hint`}
            onChange={(e) => setDraft({ ...draft, images: { ...draft.images, [c.id]: e.target.value } })}
            spellCheck={false}
            autoComplete="off"
          />
          <span id={`image-${c.id}-hint`} className={images[c.id]?.trim() ? 'field__hint' : 'field__error'}>
            {images[c.id]?.trim() ? `Deployed: ${c.image}` : 'An image is required.'}
          </span>
        </div>
      ))}
      <div className="field">
        <label htmlFor="deploy-comment">Comment</label>
        <input
          id="deploy-comment"
          className="input"
          value={draft.comment}
          placeholder="What does this change do?"
          onChange={(e) => setDraft({ ...draft, comment: e.target.value })}
        />
      </div>
      {needsConfirmation && (
        <div className="field">
          <label htmlFor="deploy-confirm">
            Type <code>{envId}</code> to deploy to production
          </label>
          <input
            id="deploy-confirm"
            className="input mono"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            autoComplete="off"
          />
        </div>
      )}
      {deploy.isError && <ErrorPanel error={deploy.error} action="deploy the change" />}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={!canDeploy}>
          {deploy.isPending ? 'Deploying…' : `Deploy to ${envId}`}
        </button>
        {changed.length > 0 && (
          <button type="button" className="button" onClick={clearDraft} disabled={deploy.isPending}>
            Discard changes
          </button>
        )}
        <span className="muted" aria-live="polite">
          {changed.length === 0 ? 'No changes yet.' : `${changed.length} container image(s) changed; unsaved edits are kept.`}
        </span>
      </div>
    </form>
  );
}
