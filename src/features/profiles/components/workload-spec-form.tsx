import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError } from '@/api/client';
import { newIdempotencyKey } from '@/api/idempotency';
import type { Deployment, Workload, WorkloadProfile } from '@/api/types';
import {
  SchemaForm,
  type ResourceOption,
} from '@/components/editors/schema-form';
import { ErrorPanel } from '@/components/ui/error-panel';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { isRetryableStatus } from '@/lib/errors';
import { jsonEqual, type SchemaObject } from '@/lib/json-schema/validate';
import { mapEntryPointers, pruneNewEmptyObjects } from '@/lib/schema-prune';
import {
  useDeployDelta,
  useSaveWorkloadChange,
  type DeployDeltaRequest,
} from '../mutations';
import {
  fieldDomId,
  fieldProblems,
  openingProblems,
  revealProblemFields,
  toErrorTree,
  type FieldProblem,
} from '../utils/field-errors';
import { diffJson } from '../utils/json-patch';
import { withoutTypedSecrets } from '../utils/secrets';
import { ChangePreview } from './change-preview';
import { ErrorSummary } from './error-summary';
import './profiles.css';

interface WorkloadSpecFormProps {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  workloadId: string;
  workload: Workload;
  /** The set the next deployment starts from. */
  setId: string;
  /** The environment's last deployment (the one whose set the form shows): deploying checks it is still the last (If-Match). */
  lastDeployId?: string;
  profile: WorkloadProfile;
  resources: ResourceOption[];
  onDeployed: (deployment: Deployment) => void;
  /**
   * What the change does: `edit` the spec under the workload's profile (the default), `add` a new workload with
   * `profile`, or move an existing workload to `profile` (`change-profile`; `workload.spec` is then what carried over).
   */
  mode?: 'edit' | 'add' | 'change-profile';
}

const ID_PREFIX = 'spec';

/** Whether the same request may succeed later (no answer, a time-out, a server error). */
const retryable = (error: unknown) =>
  error instanceof ApiError && isRetryableStatus(error.status);

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const s of pointer.split('/').slice(1))
    node = (node as Record<string, unknown> | undefined)?.[
      s.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  return node;
}

/**
 * A workload's spec in its profile's generated form. Saving applies the change
 * to the environment's set (the engine checks it against the profile and its
 * field-level refusals appear at the fields), stores it as a change (delta)
 * and shows it for review before deploying. The edit survives errors and reloads.
 */
export function WorkloadSpecForm(props: WorkloadSpecFormProps) {
  const {
    orgId,
    appId,
    envId,
    envType,
    workloadId,
    workload,
    setId,
    lastDeployId,
    profile,
    resources,
    onDeployed,
    mode = 'edit',
  } = props;
  const adding = mode === 'add';
  const schema = profile.spec_schema as SchemaObject;
  const profileQid = `${profile.org_id}/${profile.id}`;
  // The draft kept in the browser leaves out the secrets typed into the form: they exist only in memory until sent.
  const keptDraft = useCallback(
    (data: unknown) => withoutTypedSecrets(schema, data, workload.spec),
    [schema, workload.spec],
  );
  const draftKey =
    mode === 'edit'
      ? `profile-form:${orgId}/${appId}/${envId}/${workloadId}`
      : `profile-form-${mode}:${orgId}/${appId}/${envId}/${workloadId}/${profileQid}`;
  const [formData, setFormData, clearDraft] = usePersistentState<unknown>(
    draftKey,
    workload.spec,
    { stored: keptDraft },
  );
  // Opened after a breaking version of the profile: the fields to fix are listed from the start.
  const [refused, setRefused] = useState<
    | {
        problems: FieldProblem[];
        data: unknown;
        /** Who found them: the profile's current version as the form opened, or the engine on save. */
        by: 'profile' | 'engine';
      }
    | undefined
  >(() => {
    if (adding) return undefined;
    const problems = openingProblems(schema, workload.spec);
    return problems.length > 0
      ? { problems, data: workload.spec, by: 'profile' }
      : undefined;
  });
  // A hidden field the profile or the engine refuses (a fixed value a new version changed) is shown to be fixed.
  const formSchema = useMemo(
    () => (refused ? revealProblemFields(schema, refused.problems) : schema),
    [schema, refused],
  );
  const [review, setReview] = useState<{
    deltaId: string;
    nextSetId: string;
    after: unknown;
  }>();
  const [notice, setNotice] = useState('');
  // Bumped by "Discard changes": the form starts afresh from what is deployed. The form library keeps the order of a
  // map's entries (containers) in state of its own and shows only those, so an entry removed and then put back by new
  // data would stay hidden (a removed container after a discard) unless the form is made anew.
  const [formGeneration, setFormGeneration] = useState(0);
  const discard = () => {
    clearDraft();
    setLeft(new Set());
    setFormGeneration((n) => n + 1);
    // The Discard button goes with the edits: focus moves to the form's first action, not to the page.
    requestAnimationFrame(() =>
      document.getElementById('spec-review-button')?.focus(),
    );
  };
  const save = useSaveWorkloadChange(orgId, appId);
  const deploy = useDeployDelta(orgId, appId, envId);
  // The last save and deploy requests: the same action again (Retry, or the same edit submitted again) keeps its
  // Idempotency-Key, so a time-out whose work was done neither stores the change twice nor deploys it twice.
  const saveAttempt = useRef<{ payload: string; key: string; data: unknown }>(
    undefined,
  );
  const deployAttempt = useRef<{
    payload: string;
    request: DeployDeltaRequest;
  }>(undefined);

  // A refused field the user has changed since is no longer marked.
  const open = useMemo(
    () =>
      refused?.problems.filter((p) =>
        jsonEqual(valueAt(refused.data, p.path), valueAt(formData, p.path)),
      ) ?? [],
    [refused, formData],
  );

  // Fields the user has left for another field: what the profile's schema says of them shows in place (as the
  // designer's preview does), not only once the engine refuses the review. The summary above stays the engine's.
  const [left, setLeft] = useState<ReadonlySet<string>>(() => new Set());
  const leaving = useRef<string | undefined>(undefined);
  const inPlace = useMemo(() => {
    if (left.size === 0) return [];
    const wasLeft = (path: string) => {
      const id = fieldDomId(ID_PREFIX, path);
      for (const at of left)
        if (at === id || at.startsWith(`${id}_`)) return true;
      return false;
    };
    return openingProblems(schema, formData).filter(
      (p) => wasLeft(p.path) && !open.some((o) => o.path === p.path),
    );
  }, [left, schema, formData, open]);
  const shownProblems = [...open, ...inPlace];

  const submit = (data: unknown) => {
    const ops =
      mode === 'change-profile'
        ? [
            { op: 'replace', path: '/profile', value: profileQid },
            { op: 'replace', path: '/spec', value: data },
          ]
        : adding
          ? []
          : diffJson(workload.spec, data, '/spec', userMade(schema, data));
    if (mode === 'edit' && ops.length === 0)
      return setNotice(
        'Nothing changed: the form matches the deployed workload.',
      );
    setNotice('');
    const delta = adding
      ? {
          metadata: {
            env_id: envId,
            name: `Add ${workloadId} with the ${profileQid} profile`,
          },
          modules: {
            add: {
              [workloadId]: {
                profile: profileQid,
                spec: data as Record<string, unknown>,
              },
            },
          },
        }
      : {
          metadata: {
            env_id: envId,
            name:
              mode === 'change-profile'
                ? `Move ${workloadId} to the ${profileQid} profile`
                : `Edit ${workloadId} with the ${profile.id} form`,
          },
          modules: { update: { [workloadId]: ops } },
        };
    const payload = JSON.stringify({ setId, delta });
    const key =
      saveAttempt.current?.payload === payload
        ? saveAttempt.current.key
        : newIdempotencyKey();
    saveAttempt.current = { payload, key, data };
    save.mutate(
      { setId, delta, idempotencyKey: key },
      {
        onSuccess: ({ deltaId, nextSetId }) => {
          saveAttempt.current = undefined;
          setRefused(undefined);
          setReview({ deltaId, nextSetId, after: data });
        },
        onError: (error) =>
          setRefused({
            problems: fieldProblems(error, workloadId),
            data,
            by: 'engine',
          }),
      },
    );
  };

  const sendDeploy = (request: DeployDeltaRequest, after: unknown) =>
    deploy.mutate(request, {
      onSuccess: (deployment) => {
        deployAttempt.current = undefined;
        clearDraft();
        onDeployed(deployment);
      },
      onError: (error) => {
        const problems = fieldProblems(error, workloadId);
        if (problems.length === 0) return;
        setRefused({ problems, data: after, by: 'engine' });
        setReview(undefined);
      },
    });

  if (review) {
    return (
      <ChangePreview
        orgId={orgId}
        appId={appId}
        workloadId={workloadId}
        deltaId={review.deltaId}
        setId={setId}
        nextSetId={review.nextSetId}
        schema={schema}
        envId={envId}
        envType={envType}
        deploying={deploy.isPending}
        error={deploy.error}
        onRetry={
          retryable(deploy.error)
            ? () =>
                deployAttempt.current &&
                sendDeploy(deployAttempt.current.request, review.after)
            : undefined
        }
        onBack={() => {
          setReview(undefined);
          // Back in the form: on the button that reviews it again (focus was on the removed review's).
          requestAnimationFrame(() =>
            document.getElementById('spec-review-button')?.focus(),
          );
        }}
        onDeploy={(comment) => {
          const payload = JSON.stringify({ deltaId: review.deltaId, comment });
          const request =
            deployAttempt.current?.payload === payload
              ? deployAttempt.current.request
              : {
                  deltaId: review.deltaId,
                  comment,
                  idempotencyKey: newIdempotencyKey(),
                  basedOnDeployId: lastDeployId,
                };
          deployAttempt.current = { payload, request };
          sendDeploy(request, review.after);
        }}
      />
    );
  }

  const changed = !jsonEqual(formData, workload.spec);
  return (
    <div className="stack">
      {open.length > 0 && (
        <ErrorSummary
          problems={open}
          idPrefix={ID_PREFIX}
          schema={schema}
          heading={
            refused?.by === 'profile'
              ? `${workloadId} does not match the current version of ${profileQid}`
              : undefined
          }
          focusKey={refused?.by === 'engine' ? refused : undefined}
        />
      )}
      {save.isError && fieldProblems(save.error, workloadId).length === 0 && (
        <ErrorPanel
          error={save.error}
          action="save the change"
          onRetry={
            retryable(save.error)
              ? () => saveAttempt.current && submit(saveAttempt.current.data)
              : undefined
          }
        />
      )}
      <SchemaForm
        // Made anew for another workload too (the route's component stays when only its ids change).
        key={`${draftKey}#${formGeneration}`}
        schema={formSchema}
        formData={formData}
        onChange={(next) =>
          // The form library fills empty objects in (variables, resources, checks): they are not edits.
          setFormData(pruneNewEmptyObjects(schema, next, workload.spec))
        }
        onSubmit={submit}
        noValidate
        extraErrors={
          shownProblems.length > 0 ? toErrorTree(shownProblems) : undefined
        }
        // A field left counts once another field takes focus: not when the press is on a button (Review), where
        // its message appearing above would move the button from under the pointer and lose the click.
        onBlur={(id) => {
          leaving.current = id;
        }}
        onFocus={(id) => {
          const was = leaving.current;
          leaving.current = undefined;
          if (was && was !== id)
            setLeft((before) =>
              before.has(was) ? before : new Set(before).add(was),
            );
        }}
        formContext={{ resources }}
        idPrefix={ID_PREFIX}
        label={`Spec of ${workloadId}`}
        original={mode === 'edit' ? workload.spec : undefined}
      >
        <div className="row">
          <button
            id="spec-review-button"
            type="submit"
            className="button button--primary"
            disabled={save.isPending}
          >
            {save.isPending ? 'Checking…' : 'Review changes'}
          </button>
          {changed && (
            <button
              type="button"
              className="button"
              onClick={discard}
              disabled={save.isPending}
            >
              Discard changes
            </button>
          )}
          <span className="muted" aria-live="polite">
            {notice ||
              (changed
                ? 'Unsaved edits are kept in this browser.'
                : adding
                  ? `Fill in ${workloadId}, then review the change.`
                  : mode === 'change-profile'
                    ? `Check ${workloadId} under ${profileQid}, then review the change.`
                    : 'No changes yet.')}
          </span>
        </div>
      </SchemaForm>
    </div>
  );
}

/**
 * Whether the empty value added at a `/spec/…` path is the user's: a map
 * entry they added (an empty new container is a change the review shows,
 * and the API then says what it lacks), or what holds one.
 */
function userMade(schema: object, data: unknown) {
  const entries = mapEntryPointers(schema as never, data).map(
    (pointer) => `/spec${pointer}`,
  );
  return (path: string) =>
    entries.some((entry) => entry === path || entry.startsWith(`${path}/`));
}
