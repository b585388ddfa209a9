import { useState, type FormEvent } from 'react';
import { useApps, useResourceClasses, useResourceTypes } from '../queries';

/** What "Which definition matches?" asks about (the page's URL query). */
export interface MatchQuery {
  app: string;
  env: string;
  type: string;
  class: string;
  res: string;
}

/** Picks app, environment, type, class and resource id; submitting puts them in the URL. */
export function MatchForm({
  orgId,
  initial,
  onSubmit,
}: {
  orgId: string;
  initial: MatchQuery;
  onSubmit: (query: MatchQuery) => void;
}) {
  const apps = useApps(orgId);
  const types = useResourceTypes(orgId);
  const classes = useResourceClasses(orgId);
  const [query, setQuery] = useState(initial);
  const set = (change: Partial<MatchQuery>) =>
    setQuery((q) => ({ ...q, ...change }));
  const app = apps.data?.find((a) => a.id === query.app);
  const typeClasses = (classes.data ?? []).filter(
    (c) => c.resource_type === query.type,
  );
  const typeIds = [
    ...new Set([...(types.data ?? []).map((t) => t.type), query.type]),
  ]
    .filter(Boolean)
    .sort();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ ...query, res: query.res.trim() });
  };
  const select = (
    id: string,
    label: string,
    value: string,
    options: string[],
    onChange: (value: string) => void,
    first: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        required={first !== 'default'}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{first}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      className="stack"
      onSubmit={submit}
      aria-label="The resource to match"
    >
      <div className="defs__form-grid">
        {select(
          'match-app',
          'App',
          query.app,
          (apps.data ?? []).map((a) => a.id),
          (value) => set({ app: value, env: '' }),
          'Choose an app…',
        )}
        {select(
          'match-env',
          'Environment',
          query.env,
          (app?.envs ?? []).map((e) => e.id),
          (value) => set({ env: value }),
          app ? 'Choose an environment…' : 'Choose an app first',
        )}
        {select(
          'match-type',
          'Resource type',
          query.type,
          typeIds,
          (value) => set({ type: value, class: '' }),
          'Choose a type…',
        )}
        {select(
          'match-class',
          'Class',
          query.class,
          typeClasses.map((c) => c.id),
          (value) => set({ class: value }),
          'default',
        )}
        <div className="field">
          <label htmlFor="match-res">Resource id</label>
          <input
            id="match-res"
            className="input mono"
            value={query.res}
            required
            placeholder="shared.db"
            onChange={(e) => set({ res: e.target.value })}
          />
          <span className="field__hint">
            <code>shared.&lt;name&gt;</code> for a shared resource,{' '}
            <code>modules.&lt;workload&gt;.externals.&lt;name&gt;</code> for a
            workload&apos;s own.
          </span>
        </div>
      </div>
      <div>
        <button type="submit" className="button button--primary">
          Find the definition
        </button>
      </div>
    </form>
  );
}
