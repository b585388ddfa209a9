import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { toast } from 'sonner';
import {
  setArtefactVersionArchived,
  type ArtefactVersion,
  type RunningImage,
} from '@/api/artefacts';
import { artefactQueries } from '@/api/queries/artefacts';
import { byPrefix } from '@/api/queries/keys';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { describeError, plain } from '@/lib/errors';
import { focusableHeading, focusIsLost } from '@/lib/focus';
import { countOf } from '@/lib/format';
import { newerRunning } from '../versions';
import './artefacts.css';

/** Versions shown per image before "Show more". */
export const VERSIONS_PER_PAGE = 5;

/** The image name without its tag or digest. */
export function imageNameOf(image: string): string {
  const bare = image.split('@')[0];
  const colon = bare.lastIndexOf(':');
  return colon > bare.lastIndexOf('/') ? bare.slice(0, colon) : bare;
}

interface ArtefactsPageProps {
  orgId: string;
  /** Only this image (deep link). */
  image?: string;
  /** Archived versions instead of current ones. */
  archived: boolean;
  /** Shows the images whose name, and the versions whose tag, contain this (any case); from the URL. */
  filter?: string;
  onFilterChange?: (filter: string) => void;
}

/**
 * The images and versions `filter` finds: an image whose name contains it with all its versions, else the
 * versions whose tag (or `name:tag`) contains it. Any case; an empty filter keeps everything.
 */
export function filterImages(
  byImage: ReadonlyMap<string, ArtefactVersion[]>,
  filter: string,
): Map<string, ArtefactVersion[]> {
  const words = filter.trim().toLowerCase();
  if (!words) return new Map(byImage);
  const found = new Map<string, ArtefactVersion[]>();
  for (const [name, list] of byImage) {
    if (name.toLowerCase().includes(words)) {
      found.set(name, list);
      continue;
    }
    const tagged = list.filter((v) =>
      `${name}:${v.version ?? ''}`.toLowerCase().includes(words),
    );
    if (tagged.length > 0) found.set(name, tagged);
  }
  return found;
}

/** The organisation's container images, their versions newest first, where each runs, and deploying one. */
export function ArtefactsPage({
  orgId,
  image,
  archived,
  filter = '',
  onFilterChange,
}: ArtefactsPageProps) {
  const versions = useQuery(artefactQueries.versions(orgId, archived));
  // What is typed shows at once and filters as soon as the page is free; the URL follows.
  const [typed, setTyped] = useState(filter);
  const words = useDeferredValue(typed).trim();
  const running = useQuery(artefactQueries.running(orgId));
  // A version archived (or restored) leaves the list with the button that had focus, its image's whole
  // panel too when it was the only version: focus goes to that image's versions, else the first image's,
  // else the page's heading.
  const [left, setLeft] = useState<ArtefactVersion>();
  const gone =
    left !== undefined &&
    versions.data !== undefined &&
    !versions.data.some((v) => v.id === left.id);
  useEffect(() => {
    if (!gone || !left) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const target =
      document.getElementById(`versions-${left.artefact_id}`) ??
      document.querySelector<HTMLElement>('.artefacts__versions') ??
      document.querySelector<HTMLElement>('h1');
    target?.focus();
  }, [gone, left]);
  if (versions.isPending) {
    return <Skeleton rows={4} label="Loading artefacts" />;
  }
  if (versions.isError) {
    return (
      <ErrorPanel
        error={versions.error}
        action="load the artefacts"
        onRetry={() => void versions.refetch()}
      />
    );
  }
  const byImage = new Map<string, ArtefactVersion[]>();
  for (const version of versions.data) {
    if (image && version.name !== image) continue;
    byImage.set(version.name, [...(byImage.get(version.name) ?? []), version]);
  }
  if (byImage.size === 0) {
    return (
      <EmptyState
        title={
          archived
            ? 'No archived versions.'
            : image
              ? `No versions of ${image}.`
              : 'No artefacts yet.'
        }
      >
        CI registers an image version after each build:{' '}
        <code>
          npm run cli -- push artefact-version &lt;image:tag&gt; --commit
          &lt;sha&gt; --ref &lt;ref&gt;
        </code>{' '}
        or <code>POST /orgs/{orgId}/artefact-versions</code>.
      </EmptyState>
    );
  }
  // One image shown alone needs no filter.
  const filtering = image === undefined && onFilterChange !== undefined;
  const shown = filtering ? filterImages(byImage, words) : byImage;
  return (
    <div className="artefacts">
      {filtering && (
        <div className="artefacts__filter" role="search">
          <label htmlFor="artefacts-filter">Find an image or tag</label>
          <input
            id="artefacts-filter"
            className="input"
            type="search"
            placeholder="e.g. shop/api or 1.4"
            autoComplete="off"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              onFilterChange(event.target.value.trim());
            }}
          />
          <span className="muted" role="status">
            {words
              ? `${shown.size} of ${countOf(byImage.size, 'image')}`
              : countOf(byImage.size, 'image')}
          </span>
        </div>
      )}
      {running.isError && (
        <ErrorPanel
          error={running.error}
          action="find where the images run"
          reading
          onRetry={() => void running.refetch()}
        />
      )}
      {shown.size === 0 && (
        <p className="muted">
          No image name or tag contains “{words}”.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setTyped('');
              onFilterChange?.('');
              document.getElementById('artefacts-filter')?.focus();
            }}
          >
            Clear the filter
          </button>
        </p>
      )}
      {[...shown.entries()].map(([name, list]) => (
        <ImagePanel
          key={name}
          orgId={orgId}
          name={name}
          only={image !== undefined}
          onLeave={setLeft}
          versions={list}
          all={byImage.get(name) ?? list}
          running={(running.data ?? []).filter(
            (r) => imageNameOf(r.image) === name,
          )}
        />
      ))}
    </div>
  );
}

function ImagePanel({
  orgId,
  name,
  only,
  versions,
  all,
  running,
  onLeave,
}: {
  orgId: string;
  name: string;
  /** The image's versions, the filter's or not (which is newer than which). */
  all: ArtefactVersion[];
  /** A version is archived or restored, so it leaves the list shown. */
  onLeave: (version: ArtefactVersion) => void;
  /** The page shows this image only (the page links back to all of them; no "Only this image"). */
  only: boolean;
  versions: ArtefactVersion[];
  running: RunningImage[];
}) {
  // A link to one version (`#v-<id>`, from the promotion lane) shows it, however far down, and scrolls to it.
  const { hash } = useLocation();
  const linked = versions.findIndex((v) => `#v-${v.id}` === hash);
  const [shown, setShown] = useState(Math.max(VERSIONS_PER_PAGE, linked + 1));
  useEffect(() => {
    if (linked >= 0)
      document
        .getElementById(hash.slice(1))
        ?.scrollIntoView({ block: 'center' });
  }, [hash, linked]);
  const id = `image-${versions[0].artefact_id}`;
  // "Only this image" goes once the page shows only this image, with focus: focus goes to the image's heading,
  // not the page's body.
  const chosen = useRef<HTMLElement>(null);
  useEffect(() => {
    const link = chosen.current;
    if (!only || !link) return;
    chosen.current = null;
    if (focusIsLost(link)) focusableHeading(id)?.focus();
  }, [only, id]);
  return (
    <Panel
      titleId={id}
      title={<span className="mono artefacts__name">{name}</span>}
      actions={
        only ? undefined : (
          <Link
            className="button"
            to={paths.artefacts(orgId, name)}
            onClick={(event) => {
              chosen.current = event.currentTarget;
            }}
          >
            Only this image
          </Link>
        )
      }
    >
      <PanelBody>
        <ol
          id={`versions-${versions[0].artefact_id}`}
          className="artefacts__versions"
          aria-labelledby={id}
          tabIndex={-1}
        >
          {versions.slice(0, shown).map((version) => (
            <VersionItem
              key={version.id}
              orgId={orgId}
              version={version}
              versions={all}
              running={running}
              onLeave={() => onLeave(version)}
            />
          ))}
        </ol>
        {versions.length > shown && (
          <button
            type="button"
            className="button"
            onClick={() => setShown(shown + VERSIONS_PER_PAGE)}
          >
            Show {Math.min(VERSIONS_PER_PAGE, versions.length - shown)} more of{' '}
            {countOf(versions.length, 'version')}
          </button>
        )}
      </PanelBody>
    </Panel>
  );
}

function VersionItem({
  orgId,
  version,
  versions,
  running,
  onLeave,
}: {
  orgId: string;
  version: ArtefactVersion;
  /** The image's versions, newest first (which of them is newer than this one). */
  versions: ArtefactVersion[];
  running: RunningImage[];
  /** It is archived or restored, so it leaves the list shown. */
  onLeave: () => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tag = version.version ?? '';
  const reference = tag ? `${version.name}:${tag}` : version.name;
  const runsHere = running.filter((r) => r.artefact_version_id === version.id);
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const invalidate = () =>
    queryClient.invalidateQueries(byPrefix.artefacts(orgId));
  const setArchived = (archived: boolean) =>
    setArtefactVersionArchived(
      orgId,
      version.artefact_id,
      version.id,
      archived,
    );
  const archive = useMutation({
    meta: { silent: true }, // the dialog (archive) or the version (restore) shows the refusal
    mutationFn: setArchived,
    onSuccess: (_, archived) => {
      setConfirming(false);
      onLeave();
      if (archived) {
        toast.success(`Archived ${reference}`, {
          description: 'It is listed under Archived versions.',
          // Time to reach Undo by keyboard (focus is on the list by then).
          duration: 15_000,
          action: {
            label: 'Undo',
            // Not this item's mutation: the item has left the list by then.
            onClick: () =>
              void setArchived(false).then(invalidate, (error: unknown) =>
                toast.error(`Could not restore ${reference}`, {
                  description: plain(describeError(error).message),
                }),
              ),
          },
        });
      } else {
        toast.success(`Restored ${reference}`);
      }
    },
    onSettled: invalidate,
  });
  const selectId = `deploy-${version.id}`;
  const targetOf = (r: RunningImage) =>
    `${r.app_id}\u0000${r.env_id}\u0000${r.workload}\u0000${r.container}`;
  const chosen = running.find((r) => targetOf(r) === target);
  // Deploying this version where a newer one runs goes back: said as the environment is chosen, before the
  // workload's page.
  const newer = chosen && newerRunning(version, versions, chosen);
  const warningId = `downgrade-${version.id}`;
  return (
    <li className="artefacts__version" id={`v-${version.id}`}>
      <div className="artefacts__head">
        <strong className="mono">{tag || '(untagged)'}</strong>
        {version.archived && <span className="muted">archived</span>}
        <span className="muted">
          pushed by {version.created_by ?? 'unknown'}
          {version.created_at && (
            <>
              {' '}
              <RelativeTime iso={version.created_at} />
            </>
          )}
        </span>
      </div>
      <dl className="artefacts__facts">
        <dt>Commit</dt>
        <dd className="mono">
          {version.commit ? version.commit.slice(0, 12) : '—'}
        </dd>
        <dt>Ref</dt>
        <dd className="mono">{version.ref || '—'}</dd>
        <dt>Digest</dt>
        <dd className="mono" title={version.digest}>
          {version.digest ? `${version.digest.slice(0, 19)}…` : '—'}
        </dd>
        <dt>Runs in</dt>
        <dd>
          {runsHere.length === 0 ? (
            <span className="muted">no environment</span>
          ) : (
            <ul className="artefacts__runs">
              {runsHere.map((r) => (
                <li key={targetOf(r)}>
                  <Link
                    to={paths.workload(orgId, r.app_id, r.env_id, r.workload)}
                  >
                    {r.app_name} / {r.env_name}
                  </Link>{' '}
                  <span className="muted">({r.workload})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {!version.archived && running.length > 0 && (
        <form
          className="artefacts__deploy"
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) return;
            void navigate(
              paths.deployImage(
                orgId,
                chosen.app_id,
                chosen.env_id,
                chosen.workload,
                chosen.container,
                reference,
              ),
            );
          }}
        >
          <label htmlFor={selectId}>Deploy {tag || 'this version'} to</label>
          <select
            id={selectId}
            className="input"
            value={target}
            aria-describedby={newer ? warningId : undefined}
            onChange={(event) => setTarget(event.target.value)}
          >
            <option value="">Choose an environment…</option>
            {running.map((r) => {
              const runs = newerRunning(version, versions, r);
              return (
                <option key={targetOf(r)} value={targetOf(r)}>
                  {r.app_name} / {r.env_name} — {r.workload}
                  {r.artefact_version_id === version.id
                    ? ' (runs it)'
                    : runs
                      ? ` (runs ${runs}, newer)`
                      : ''}
                </option>
              );
            })}
          </select>
          <button
            type="submit"
            className="button button--primary"
            disabled={!chosen}
            aria-describedby={newer ? warningId : undefined}
          >
            Review and deploy
          </button>
          {/* Present before it says anything, so that what it then says is announced. */}
          <p
            id={warningId}
            role="status"
            className={newer ? 'artefacts__downgrade' : 'visually-hidden'}
          >
            {chosen && newer && (
              <>
                <strong>Older than what runs there:</strong> {chosen.app_name} /{' '}
                {chosen.env_name} ({chosen.workload}) runs{' '}
                <span className="mono">{newer}</span>; deploying{' '}
                <span className="mono">{tag || 'this version'}</span> there goes
                back to an older version.
              </>
            )}
          </p>
        </form>
      )}
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={archive.isPending}
          onClick={() => {
            archive.reset();
            if (version.archived) archive.mutate(false);
            else setConfirming(true);
          }}
        >
          {version.archived ? 'Restore' : 'Archive'} {tag || 'version'}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) archive.reset();
        }}
        title={`Archive ${reference}?`}
        confirmLabel={`Archive ${tag || 'version'}`}
        pending={archive.isPending}
        error={archive.error ?? undefined}
        onConfirm={() => archive.mutate(true)}
      >
        <p>
          It leaves the versions offered for deployment and is listed under
          Archived versions, where it can be restored.
        </p>
        {runsHere.length > 0 && (
          <p>
            It keeps running where it is deployed:{' '}
            {[
              ...new Set(
                runsHere.map(
                  (r) => `${r.app_name} / ${r.env_name} (${r.workload})`,
                ),
              ),
            ].join(', ')}
            .
          </p>
        )}
      </ConfirmDialog>
      {archive.isError && version.archived && (
        <ErrorPanel
          error={archive.error}
          action={
            version.archived ? 'restore the version' : 'archive the version'
          }
          onRetry={() => archive.mutate(!version.archived)}
        />
      )}
    </li>
  );
}
