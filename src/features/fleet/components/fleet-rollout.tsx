import { useRef, useState, type FormEvent } from 'react';
import type { FleetOverview, ProfileRollout } from '@/api/fleet';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { StatusView } from '@/lib/status';
import { useStartRollout } from '../mutations';
import './fleet.css';

const STEP: Record<ProfileRollout['steps'][number]['status'], StatusView> = {
  waiting: { tone: 'pending', label: 'Waiting' },
  'in progress': { tone: 'progress', label: 'In progress' },
  done: { tone: 'success', label: 'Done' },
};

/** Rolls a profile version of the baseline organisation out to chosen organisations, one at a time, with progress. */
export function FleetRollout({
  orgId,
  overview,
}: {
  orgId: string;
  overview: FleetOverview;
}) {
  const source = overview.baseline_org_id;
  const [profileId, setProfileId] = useState(
    overview.profiles[0]?.profile_id ?? '',
  );
  const [targets, setTargets] = useState<string[]>([]);
  // A rollout changes other organisations' profiles: it starts only once a dialog naming what changes where is
  // confirmed.
  const [confirming, setConfirming] = useState(false);
  // Started: the rollout button is disabled (nothing chosen any more), so focus goes to the rollouts.
  const started = useRef(false);
  const start = useStartRollout(orgId);
  const candidates = overview.orgs.filter((o) => o.org_id !== source);
  const version = overview.profiles.find(
    (p) => p.profile_id === profileId,
  )?.version;

  const sourceName =
    overview.orgs.find((o) => o.org_id === source)?.org_name ?? source;
  /** Where an organisation stands with the chosen profile (from the drift against the baseline). */
  const standing = (org: (typeof candidates)[number]) => {
    const drift = org.drift.find(
      (d) => d.kind === 'profile' && d.id === profileId,
    );
    if (!drift) return { note: `has ${version} already`, same: true };
    if (drift.status === 'missing') return { note: 'does not have it' };
    if (drift.status === 'ahead')
      return { note: `has ${drift.actual}, newer: this goes back` };
    return { note: `has ${drift.actual ?? 'another version'}` };
  };

  const nameOf = (id: string) =>
    overview.orgs.find((o) => o.org_id === id)?.org_name ?? id;
  const orgCount = `${targets.length} ${targets.length === 1 ? 'organisation' : 'organisations'}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (targets.length === 0) return;
    start.reset();
    started.current = false;
    setConfirming(true);
  };
  const confirm = () =>
    start.mutate(
      { source, body: { profile_id: profileId, target_org_ids: targets } },
      {
        onSuccess: () => {
          started.current = true;
          setConfirming(false);
          setTargets([]);
        },
      },
    );

  return (
    <Panel titleId="fleet-rollout-heading" title="Roll out a workload profile">
      {overview.profiles.length === 0 ? (
        <PanelBody as="p" className="muted">
          The baseline organisation has no workload profiles of its own to roll
          out.
        </PanelBody>
      ) : (
        <PanelBody as="form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="rollout-profile">
              Profile of {sourceName} (the baseline)
            </label>
            <select
              id="rollout-profile"
              className="select"
              value={profileId}
              onChange={(e) => setProfileId(e.target.value)}
            >
              {overview.profiles.map((p) => (
                <option key={p.profile_id} value={p.profile_id}>
                  {p.profile_id} {p.version}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="fleet-targets">
            <legend>Organisations, in rollout order</legend>
            {candidates.map((o) => {
              const { note, same } = standing(o);
              return (
                <label key={o.org_id}>
                  <input
                    type="checkbox"
                    checked={targets.includes(o.org_id)}
                    // Already on this version: nothing to roll out there.
                    disabled={same && !targets.includes(o.org_id)}
                    onChange={(e) =>
                      setTargets((t) =>
                        e.target.checked
                          ? [...t, o.org_id]
                          : t.filter((id) => id !== o.org_id),
                      )
                    }
                  />
                  {o.org_name} <span className="muted">({note})</span>
                </label>
              );
            })}
          </fieldset>
          <p className="field__hint">
            Each organisation gets {profileId} {version} in turn; the next
            starts when the previous one is done.
          </p>
          <button
            type="submit"
            className="button button--primary"
            disabled={targets.length === 0 || start.isPending}
          >
            Roll out to {orgCount}
          </button>
        </PanelBody>
      )}
      {/* Outside the form: the dialog's submit would bubble to the form's through React's tree. */}
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) start.reset();
        }}
        title={`Roll out ${profileId} ${version ?? ''} to ${orgCount}?`}
        confirmLabel={`Roll out to ${orgCount}`}
        pending={start.isPending}
        error={start.error ?? undefined}
        onConfirm={confirm}
        // Cancelled: back to the rollout button (the opener); started: to the rollouts, the new one among them.
        returnFocusTo={() =>
          started.current ? document.getElementById('fleet-rollouts') : null
        }
      >
        <p>
          Each of these organisations gets workload profile{' '}
          <code>{profileId}</code> {version} of {sourceName} as its current
          version, one after the other (the next when the previous is done):
        </p>
        <ol aria-label="Organisations that change">
          {targets.map((id) => {
            const org = candidates.find((o) => o.org_id === id);
            return (
              <li key={id}>
                {nameOf(id)}{' '}
                <span className="muted">({org ? standing(org).note : id})</span>
              </li>
            );
          })}
        </ol>
      </ConfirmDialog>
      {overview.rollouts.length > 0 && (
        <ul
          id="fleet-rollouts"
          className="fleet-rollouts"
          aria-label="Rollouts"
          tabIndex={-1}
        >
          {overview.rollouts.map((r) => (
            <RolloutRow key={r.id} rollout={r} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function RolloutRow({ rollout: r }: { rollout: ProfileRollout }) {
  return (
    <li>
      <div>
        <strong>
          {r.source_org_id}/{r.profile_id} {r.version}
        </strong>{' '}
        <StatusBadge
          status={r.status === 'done' ? STEP.done : STEP['in progress']}
        />{' '}
        <span className="muted">
          started <RelativeTime iso={r.created_at} /> by {r.created_by}
        </span>
      </div>
      {/* Before the first organisation is done, an empty bar would say "not started": indeterminate says "working". */}
      <progress
        {...(r.done > 0 || r.status === 'done' ? { value: r.done } : {})}
        max={r.total}
        aria-label={`Rollout of ${r.profile_id} ${r.version}: ${r.done} of ${r.total} organisations done`}
      />
      <ol className="fleet-steps">
        {r.steps.map((s) => (
          <li key={s.org_id}>
            {s.org_id} <StatusBadge status={STEP[s.status]} />
            <span className="muted">(was {s.from_version ?? 'absent'})</span>
          </li>
        ))}
      </ol>
    </li>
  );
}
