import type { ProvisionRow } from '../utils/draft';

/** The resources provisioned with this one (`type` or `type#res_id`), and whether it depends on each. */
export function ProvisionEditor({
  rows,
  onChange,
  readOnly,
}: {
  rows: ProvisionRow[];
  onChange: (rows: ProvisionRow[]) => void;
  readOnly: boolean;
}) {
  const update = (index: number, change: Partial<ProvisionRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="stack defs__fieldset">
      <legend>Provision dependencies</legend>
      <p className="field__hint">
        Resources provisioned with this one: a type (<code>aws-policy</code>) or
        a type and resource id (<code>dns#api-dns</code>).
      </p>
      {rows.length === 0 && <p className="muted">None.</p>}
      {rows.map((row, index) => (
        <div className="row" key={index}>
          <div className="field">
            <label htmlFor={`provision-${index}`}>Resource {index + 1}</label>
            <input
              id={`provision-${index}`}
              className="input mono"
              value={row.key}
              readOnly={readOnly}
              onChange={(e) => update(index, { key: e.target.value })}
            />
          </div>
          <label className="row">
            <input
              type="checkbox"
              checked={row.isDependent}
              disabled={readOnly}
              onChange={(e) => update(index, { isDependent: e.target.checked })}
            />
            Depends on this one
          </label>
          {!readOnly && (
            <button
              type="button"
              className="button button--small"
              aria-label={`Remove resource ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <div>
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange([...rows, { key: '', isDependent: false }])}
          >
            Add a dependency
          </button>
        </div>
      )}
    </fieldset>
  );
}
