import { useId, useMemo, useState, type ReactNode } from 'react';
import type { WorkloadProfileVersion } from '@/api/types';
import { DiffView } from '@/components/editors/diff-view';
import { Panel, PanelBody } from '@/components/ui/panel';
import { isObject, jsonEqual } from '@/lib/json-schema/pointer';
import { documentFromProfile } from '../utils/profile-document';

const text = (version: WorkloadProfileVersion) =>
  `${JSON.stringify(documentFromProfile(version), null, 2)}\n`;

/** The top-level fields a version adds, removes or changes (schema and annotations), by name. */
function changedFields(
  before: WorkloadProfileVersion,
  after: WorkloadProfileVersion,
) {
  const props = (v: WorkloadProfileVersion) => {
    const doc = documentFromProfile(v);
    return isObject(doc.properties) ? doc.properties : {};
  };
  const a = props(before);
  const b = props(after);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return {
    added: names.filter((n) => !Object.hasOwn(a, n)),
    removed: names.filter((n) => !Object.hasOwn(b, n)),
    changed: names.filter(
      (n) =>
        Object.hasOwn(a, n) && Object.hasOwn(b, n) && !jsonEqual(a[n], b[n]),
    ),
  };
}

function VersionSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (version: string) => void;
  options: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {options}
      </select>
    </div>
  );
}

/**
 * Any two versions of a profile side by side: the fields added, removed and
 * changed, then the text diff of their schemas with annotations (the diff
 * view the deployment comparison uses). Starts on the newest change.
 */
export function VersionDiffPanel({
  versions,
}: {
  /** Newest first, as the API lists them; at least two. */
  versions: WorkloadProfileVersion[];
}) {
  const [from, setFrom] = useState(versions[1]?.id ?? '');
  const [to, setTo] = useState(versions[0]?.id ?? '');
  const before = versions.find((v) => v.id === from);
  const after = versions.find((v) => v.id === to);
  const fields = useMemo(
    () => (before && after ? changedFields(before, after) : undefined),
    [before, after],
  );
  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {v.id}
    </option>
  ));
  const list = (title: string, names: string[]) =>
    names.length > 0 && (
      <li>
        {title}:{' '}
        {names.map((n, i) => (
          <span key={n}>
            {i > 0 && ', '}
            <code>{n}</code>
          </span>
        ))}
      </li>
    );
  return (
    <Panel titleId="version-diff-heading" title="Compare versions">
      <PanelBody>
        <div className="row">
          <VersionSelect
            label="From"
            value={from}
            onChange={setFrom}
            options={options}
          />
          <VersionSelect
            label="To"
            value={to}
            onChange={setTo}
            options={options}
          />
        </div>
        {before && after && fields && (
          <>
            {from === to ? (
              <p className="muted">Choose two different versions.</p>
            ) : fields.added.length +
                fields.removed.length +
                fields.changed.length ===
              0 ? (
              <p className="muted">
                The fields of {from} and {to} are the same
                {jsonEqual(
                  documentFromProfile(before),
                  documentFromProfile(after),
                )
                  ? '.'
                  : '; the schema around them differs (see below).'}
              </p>
            ) : (
              <ul aria-label={`Fields changed from ${from} to ${to}`}>
                {list('Added', fields.added)}
                {list('Removed', fields.removed)}
                {list('Changed', fields.changed)}
              </ul>
            )}
            <DiffView
              name={`${after.workload_profile_id} ${from} → ${to}`}
              before={text(before)}
              after={text(after)}
              label={`Text diff of ${from} and ${to}`}
            />
          </>
        )}
      </PanelBody>
    </Panel>
  );
}
