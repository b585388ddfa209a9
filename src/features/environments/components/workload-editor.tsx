import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { artefactQueries } from '@/api/queries/artefacts';
import { ApiError } from '@/api/client';
import { newIdempotencyKey } from '@/api/idempotency';
import type { Deployment, Workload } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { useCan } from '@/hooks/use-can';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { isRetryableStatus } from '@/lib/errors';
import { countOf } from '@/lib/format';
import { useDeployChange, type DeployChange } from '../mutations';
import { containersOf, pointerSegment } from '../utils/workloads';

interface WorkloadEditorProps {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  workloadId: string;
  workload: Workload;
  /** The environment's last deployment (what the page shows): the base an edit starts from. */
  lastDeployId?: string;
  /** An image to propose for a container (the Artefacts page's "Deploy this version to …"): put into the draft. */
  proposed?: { container: string; image: string };
  onDeployed: (deployment: Deployment) => void;
}

interface Draft {
  images: Record<string, string>;
  comment: string;
  /** The environment's last deployment when the edit started: deploying checks it is still the last (If-Match). */
  basedOn?: string;
  /** The last deploy request: Retry resends it, and the same change keeps its key (Idempotency-Key). */
  attempt?: { payload: string; request: DeployChange };
}

/** The deployment the environment has now, when the error is the API's "changed since your edit started" conflict. */
function staleBase(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const last = error.body.details?.last_deploy_id;
  return typeof last === 'string' ? last : undefined;
}

/** The image name without its tag or digest (`registry:5000/acme/api:1.2` → `registry:5000/acme/api`). */
function imageName(image: string): string {
  const bare = image.split('@')[0];
  const colon = bare.lastIndexOf(':');
  return colon > bare.lastIndexOf('/') ? bare.slice(0, colon) : bare;
}

/** Edit a workload's container images and deploy the change. The draft survives errors and reloads. */
export function WorkloadEditor(props: WorkloadEditorProps) {
  const {
    orgId,
    appId,
    envId,
    envType,
    workloadId,
    workload,
    lastDeployId,
    proposed,
    onDeployed,
  } = props;
  const containers = containersOf(workload);
  const current = Object.fromEntries(containers.map((c) => [c.id, c.image]));
  const [draft, setDraft, clearDraft] = usePersistentState<Draft>(
    `draft:${orgId}/${appId}/${envId}/${workloadId}`,
    { images: {}, comment: '' },
  );
  const [confirmation, setConfirmation] = useState('');
  const deploy = useDeployChange(orgId, appId, envId);
  const may = useCan(orgId, 'deploy', { appId, envType });

  // The image picker offers the pushed versions of each container's image (newest first).
  const versions = useQuery(artefactQueries.versions(orgId));
  const knownVersions = (image: string) => {
    const name = imageName(image);
    return (versions.data ?? [])
      .filter((v) => v.name === name && v.version)
      .map((v) => `${v.name}:${v.version}`);
  };

  const images = { ...current, ...draft.images };
  const changed = containers.filter((c) => images[c.id] !== c.image);
  const invalid = containers.filter((c) => !images[c.id]?.trim());
  const needsConfirmation = envType === 'production';
  const canDeploy =
    changed.length > 0 &&
    invalid.length === 0 &&
    (!needsConfirmation || confirmation === envId) &&
    !deploy.isPending;

  const edit = (next: Partial<Draft>) =>
    setDraft({ ...draft, basedOn: draft.basedOn ?? lastDeployId, ...next });
  // A proposed image becomes the draft's once (a reload keeps the draft, not the link's proposal twice).
  const proposedImage = proposed?.image;
  const proposedContainer = proposed?.container;
  useEffect(() => {
    if (!proposedImage || !proposedContainer) return;
    if (!Object.hasOwn(current, proposedContainer)) return;
    if (
      (draft.images[proposedContainer] ?? current[proposedContainer]) ===
      proposedImage
    )
      return;
    edit({ images: { ...draft.images, [proposedContainer]: proposedImage } });
    // Only when the proposal changes: later edits are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proposedImage, proposedContainer]);

  const run = () => {
    if (!canDeploy) return;
    const updates = changed.map((c) => ({
      op: 'replace',
      path: `/spec/containers/${pointerSegment(c.id)}/image`,
      value: images[c.id].trim(),
    }));
    const comment = draft.comment.trim();
    // A retry of the same change keeps its key, so the API never deploys it twice; a different change gets a new one.
    const payload = JSON.stringify({ workloadId, updates, comment });
    const key =
      draft.attempt?.request && draft.attempt.payload === payload
        ? draft.attempt.request.idempotencyKey
        : newIdempotencyKey();
    const basedOn = draft.basedOn ?? lastDeployId;
    const request = {
      workloadId,
      updates,
      comment,
      idempotencyKey: key,
      basedOnDeployId: basedOn,
    };
    setDraft({ ...draft, basedOn, attempt: { payload, request } });
    send(request);
  };
  const send = (request: DeployChange) =>
    deploy.mutate(request, {
      onSuccess: (deployment) => {
        clearDraft();
        onDeployed(deployment);
      },
    });
  // Retry resends the very request that failed: after a time-out its deploy may have happened (the form then shows
  // no change any more), and the same key makes the API answer that deployment instead of deploying again.
  const retry = () =>
    draft.attempt?.request ? send(draft.attempt.request) : run();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  const stale = deploy.isError ? staleBase(deploy.error) : undefined;
  const retryable =
    deploy.error instanceof ApiError &&
    (isRetryableStatus(deploy.error.status) || deploy.error.status === 409);

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
            onChange={(e) =>
              edit({ images: { ...draft.images, [c.id]: e.target.value } })
            }
            spellCheck={false}
            autoComplete="off"
            list={`image-${c.id}-versions`}
          />
          <datalist id={`image-${c.id}-versions`}>
            {knownVersions(c.image).map((image) => (
              <option key={image} value={image} />
            ))}
          </datalist>
          <span
            id={`image-${c.id}-hint`}
            className={images[c.id]?.trim() ? 'field__hint' : 'field__error'}
          >
            {images[c.id]?.trim()
              ? `Deployed: ${c.image}`
              : 'An image is required.'}
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
          onChange={(e) => edit({ comment: e.target.value })}
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
      {deploy.isError && (
        <ErrorPanel
          error={deploy.error}
          action="deploy the change"
          onRetry={!stale && retryable ? retry : undefined}
        >
          {stale && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft({ ...draft, basedOn: stale });
                deploy.reset();
              }}
            >
              Keep my edits on the latest deployment
            </button>
          )}
        </ErrorPanel>
      )}
      <div className="row">
        <GuardedButton
          can={may}
          type="submit"
          className="button button--primary"
          disabled={!canDeploy}
        >
          {deploy.isPending ? 'Deploying…' : `Deploy to ${envId}`}
        </GuardedButton>
        {changed.length > 0 && (
          <button
            type="button"
            className="button"
            onClick={clearDraft}
            disabled={deploy.isPending}
          >
            Discard changes
          </button>
        )}
        <span className="muted" aria-live="polite">
          {changed.length === 0
            ? 'No changes yet.'
            : `${countOf(changed.length, 'container image')} changed; unsaved edits are kept.`}
        </span>
      </div>
    </form>
  );
}
