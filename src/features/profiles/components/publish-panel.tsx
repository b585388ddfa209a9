import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@/api/client';
import type { WorkloadProfile } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { paths } from '@/config/paths';
import { idProblem } from '@/lib/ids';
import { jsonEqual } from '@/lib/json-schema/pointer';
import type { SchemaObject } from '@/lib/json-schema/validate';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { useCan } from '@/hooks/use-can';
import { usePersistentState } from '@/hooks/use-persistent-state';
import type { ProfileImpact } from '@/api/profiles';
import { useProfileImpact, usePublishProfile } from '../mutations';
import { ImpactList } from './impact-list';
import { isBuiltin, qidOf } from '../utils/profile-ids';
import { focusFieldAfterSubmit } from '@/lib/focus';
import {
  documentFromProfile,
  specDefinitionFromDocument,
} from '../utils/profile-document';

const DEFAULT_CHART = { id: 'humanitec/default-module', version: '1.0.0' };
/** Why a typed profile id would be refused, or undefined (an empty one is merely not typed yet). */
const profileIdProblem = (id: string): string | undefined =>
  id === '' ? undefined : idProblem(id, 'batch-job');

interface PublishPanelProps {
  orgId: string;
  profile?: WorkloadProfile;
  document?: SchemaObject;
  errors: number;
  /** The schema text changed and is being analysed: `document` is not yet what the editor shows. */
  settling?: boolean;
  onPublished: (profile: WorkloadProfile) => void;
}

/** Publishing: a new profile, or a new version of this one (built-ins are read-only). */
export function PublishPanel({
  orgId,
  profile,
  document,
  errors,
  settling = false,
  onPublished,
}: PublishPanelProps) {
  const publish = usePublishProfile(orgId);
  const check = useProfileImpact(orgId);
  // The impact of the exact body last checked: publishing a version that refuses workloads needs a second press.
  const [impact, setImpact] = useState<{
    body: string;
    result: ProfileImpact;
  }>();
  // After a version that refuses workloads is published: the workloads to fix, until the next publish.
  const [toFix, setToFix] = useState<{
    version: string;
    result: ProfileImpact;
  }>();
  const may = useCan(orgId, 'profiles');
  // Typed but not yet published, kept in this browser across a failure and a reload (as the schema's draft is), per
  // version: once a version is published, its successor starts from what it says.
  const [fields, setFields, clearFields] = usePersistentState(
    `profile-publish:${orgId}/${profile ? `${profile.id}@${profile.version}` : 'new'}`,
    {
      id: '',
      description: profile?.description ?? '',
      version: '',
      deprecation: profile?.deprecation_message ?? '',
    },
  );
  const { id, description, version, deprecation } = fields;
  const edit = (next: Partial<typeof fields>) =>
    setFields({ ...fields, ...next });
  // What the latest version publishes as, through the conversion the editor's document goes through (so a
  // round trip's differences, e.g. a title copied into its schema, are no change): once per version, not
  // per keystroke.
  const published = useMemo(
    () =>
      profile &&
      specDefinitionFromDocument(
        documentFromProfile(profile),
        profile.spec_definition.runtime_properties,
      ),
    [profile],
  );
  if (profile && isBuiltin(profile)) {
    return (
      <Panel titleId="publish-heading" title="Publish">
        <PanelBody>
          <p>
            Built-in profiles are read-only. Start your own profile from this
            one and change what you need.
          </p>
          <Link
            className="button button--primary"
            to={`${paths.profile(orgId, 'new')}?from=${encodeURIComponent(qidOf(profile))}`}
          >
            Create a profile from {qidOf(profile)}
          </Link>
        </PanelBody>
      </Panel>
    );
  }
  const body = () => ({
    description: description.trim(),
    spec_definition: specDefinitionFromDocument(
      document ?? {},
      profile?.spec_definition.runtime_properties,
    ),
    workload_profile_chart: profile?.workload_profile_chart ?? DEFAULT_CHART,
    ...(version.trim() ? { version: version.trim() } : {}),
    ...(deprecation.trim() ? { deprecation_message: deprecation.trim() } : {}),
  });
  // Without a version typed, a version with the latest one's schema, description and deprecation message
  // would be that version again under the next patch number. A typed version publishes it as it is (a
  // release candidate released unchanged as 1.1.0).
  const unchanged =
    !!profile &&
    !!document &&
    !settling &&
    !version.trim() &&
    description.trim() === (profile.description ?? '').trim() &&
    deprecation.trim() === (profile.deprecation_message ?? '').trim() &&
    // A change the definition does not keep (the root's `type`) is none either.
    jsonEqual(body().spec_definition, published);
  const badId = profile ? undefined : profileIdProblem(id.trim());
  const blocked =
    errors > 0 ||
    badId !== undefined ||
    settling ||
    !document ||
    unchanged ||
    (!profile && !id.trim()) ||
    publish.isPending ||
    check.isPending;
  // The impact on screen belongs to the version as it is now; an edit since asks again.
  const shownImpact =
    impact && document && impact.body === JSON.stringify(body())
      ? impact.result
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked || !document) return;
    const common = body();
    const send = (confirmed?: ProfileImpact) =>
      publish.mutate(
        profile
          ? { profileQid: qidOf(profile), body: common }
          : { body: { ...common, id: id.trim() } },
        {
          onSuccess: (next) => {
            setToFix(
              confirmed && confirmed.refused.length > 0
                ? { version: next.version, result: confirmed }
                : undefined,
            );
            setImpact(undefined);
            clearFields();
            onPublished(next);
          },
          // A new profile's id taken: back to the id (the refusal shows below the form).
          onError: (error) => {
            if (!profile && error instanceof ApiError && error.status === 409)
              focusFieldAfterSubmit('profile-id');
          },
        },
      );
    if (!profile) return send();
    const key = JSON.stringify(common);
    // Confirmed: the same version whose impact is on screen.
    if (impact?.body === key) return send(impact.result);
    check.mutate(
      { profileQid: qidOf(profile), body: common },
      {
        onSuccess: (result) => {
          // Nothing refused and no workload shows another default: nothing to confirm.
          if (
            result.refused.length === 0 &&
            !(result.defaults ?? []).some((change) => change.workloads > 0)
          )
            return send();
          setImpact({ body: key, result });
        },
        // An API without the console's impact endpoint: publish as Humanitec's API does.
        onError: (error) => {
          if (
            error instanceof ApiError &&
            (error.status === 404 || error.status === 405)
          )
            send();
        },
      },
    );
  };
  const conflict =
    publish.error instanceof ApiError && publish.error.status === 409;
  // The id the API refused as taken, while it is still the one typed: the field says it is wrong too.
  const idTaken =
    !profile &&
    conflict &&
    publish.variables !== undefined &&
    'id' in publish.variables.body &&
    publish.variables.body.id === id.trim();
  return (
    <Panel
      titleId="publish-heading"
      title={profile ? 'Publish a new version' : 'Create the profile'}
    >
      <PanelBody as="form" onSubmit={submit} noValidate>
        {!profile && (
          <div className="field">
            <label htmlFor="profile-id">Profile id</label>
            <input
              id="profile-id"
              className="input mono"
              value={id}
              onChange={(e) => edit({ id: e.target.value })}
              aria-invalid={badId !== undefined || idTaken}
              aria-describedby={
                badId
                  ? 'profile-id-error profile-id-hint'
                  : idTaken
                    ? 'profile-id-taken profile-id-hint'
                    : 'profile-id-hint'
              }
              autoComplete="off"
              spellCheck={false}
            />
            <span id="profile-id-hint" className="field__hint">
              Workloads reference it as{' '}
              <code>
                {orgId}/{id.trim() || 'my-profile'}
              </code>
              . Lowercase letters, digits and dashes.
            </span>
            {badId && (
              <span id="profile-id-error" className="field__error">
                {badId}
              </span>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor="profile-description">Description</label>
          <input
            id="profile-description"
            className="input"
            value={description}
            onChange={(e) => edit({ description: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="profile-version">Version</label>
          <input
            id="profile-version"
            className="input mono"
            value={version}
            onChange={(e) => edit({ version: e.target.value })}
            placeholder={profile ? `after ${profile.version}` : '1.0.0'}
            aria-describedby="profile-version-hint"
          />
          <span id="profile-version-hint" className="field__hint">
            Optional and unique; left empty, the next patch version is used.
          </span>
        </div>
        <div className="field">
          <label htmlFor="profile-deprecation">Deprecation message</label>
          <input
            id="profile-deprecation"
            className="input"
            value={deprecation}
            onChange={(e) => edit({ deprecation: e.target.value })}
            aria-describedby="profile-deprecation-hint"
          />
          <span id="profile-deprecation-hint" className="field__hint">
            Set it to deprecate the profile: it stays usable but is listed only
            on request.
          </span>
        </div>
        {shownImpact && profile && (
          <ImpactList
            orgId={orgId}
            profileQid={qidOf(profile)}
            impact={shownImpact}
          />
        )}
        {!shownImpact && toFix && profile && (
          <ImpactList
            orgId={orgId}
            profileQid={qidOf(profile)}
            impact={toFix.result}
            publishedVersion={toFix.version}
          />
        )}
        {check.isError && (
          <ErrorPanel error={check.error} action="check the impact" />
        )}
        {publish.isError && (
          <ErrorPanel
            error={publish.error}
            action={profile ? 'publish the version' : 'create the profile'}
          />
        )}
        {unchanged && (
          <p className="field__hint" role="status">
            Nothing to publish: the schema, description and deprecation message
            are those of version {profile.version}. Change one of them, or type
            a version to publish it as it is.
          </p>
        )}
        {conflict && (
          <p id="profile-id-taken" className="field__error">
            Pick another {profile ? 'version' : 'profile id'}.
          </p>
        )}
        <div className="row">
          <GuardedButton
            can={may}
            type="submit"
            className="button button--primary"
            disabled={blocked}
          >
            {publish.isPending
              ? 'Publishing…'
              : check.isPending
                ? 'Checking the workloads…'
                : shownImpact
                  ? shownImpact.refused.length > 0
                    ? `Publish anyway (refuses ${shownImpact.refused.length})`
                    : 'Publish with the new defaults'
                  : profile
                    ? 'Publish version'
                    : 'Create profile'}
          </GuardedButton>
          {shownImpact && (
            <button
              type="button"
              className="button"
              onClick={() => setImpact(undefined)}
            >
              Cancel
            </button>
          )}
          {errors > 0 ? (
            <span className="field__error">
              Fix the {errors} error{errors === 1 ? '' : 's'} in the schema
              first.
            </span>
          ) : (
            !profile &&
            !id.trim() && (
              // Said beside the button it keeps disabled.
              <span className="field__hint">
                Give the profile an id to create it.
              </span>
            )
          )}
        </div>
      </PanelBody>
    </Panel>
  );
}
