import type { MatchingCriteriaRule } from '@/api/resource-definitions';
import { useApps, useEnvTypes, useResourceClasses } from '../queries';

type Field = 'app_id' | 'env_id' | 'env_type' | 'res_id' | 'class';

/** One select of the pickers, with "Any" first. */
function Pick({
  id,
  label,
  value,
  options,
  onChange,
  any = 'Any',
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  any?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Pickers for the parts of a criteria (app, environment, environment type,
 * class of `type`, resource id) from the organisation's apps, environments,
 * types and classes. The environments offered are the chosen app's (every
 * app's without one).
 */
export function CriteriaPickers({
  orgId,
  type,
  rule,
  onChange,
  idPrefix,
}: {
  orgId: string;
  type: string;
  rule: MatchingCriteriaRule;
  onChange: (rule: MatchingCriteriaRule) => void;
  idPrefix: string;
}) {
  const apps = useApps(orgId);
  const envTypes = useEnvTypes(orgId);
  const classes = useResourceClasses(orgId);
  const set = (field: Field) => (value: string) =>
    onChange({ ...rule, [field]: value || undefined });
  const appList = apps.data ?? [];
  const envIds = [
    ...new Set(
      appList
        .filter((a) => !rule.app_id || a.id === rule.app_id)
        .flatMap((a) => a.envs.map((e) => e.id)),
    ),
  ].sort();
  const typeClasses = (classes.data ?? []).filter(
    (c) => c.resource_type === type,
  );
  return (
    <div className="defs__form-grid">
      <Pick
        id={`${idPrefix}-app`}
        label="App"
        value={rule.app_id ?? ''}
        onChange={set('app_id')}
        options={appList.map((a) => ({ value: a.id, label: a.name || a.id }))}
      />
      <Pick
        id={`${idPrefix}-env`}
        label="Environment"
        value={rule.env_id ?? ''}
        onChange={set('env_id')}
        options={envIds.map((id) => ({ value: id, label: id }))}
      />
      <Pick
        id={`${idPrefix}-env-type`}
        label="Environment type"
        value={rule.env_type ?? ''}
        onChange={set('env_type')}
        options={(envTypes.data ?? []).map((t) => ({
          value: t.id,
          label: t.id,
        }))}
      />
      <Pick
        id={`${idPrefix}-class`}
        label="Class"
        value={rule.class ?? ''}
        onChange={set('class')}
        any="default"
        options={typeClasses.map((c) => ({
          value: c.id,
          label: c.description ? `${c.id} — ${c.description}` : c.id,
        }))}
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-res`}>Resource id</label>
        <input
          id={`${idPrefix}-res`}
          className="input mono"
          value={rule.res_id ?? ''}
          placeholder="shared.db"
          onChange={(e) => set('res_id')(e.target.value)}
        />
      </div>
    </div>
  );
}
