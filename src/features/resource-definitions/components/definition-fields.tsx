import type { ResourceDriver } from '@/api/resource-definitions';
import { idProblem, MIN_ID_LENGTH } from '@/lib/ids';
import { useResourceAccounts, useResourceTypes } from '../queries';
import type { DefinitionDraft } from '../utils/draft';

/** The driver's reference as definitions name it: `<org>/<id>`. */
export const driverRef = (driver: ResourceDriver) =>
  `${driver.org_id}/${driver.id}`;

interface FieldsProps {
  orgId: string;
  draft: DefinitionDraft;
  onChange: (next: DefinitionDraft) => void;
  /** The drivers (all of them; the ones for the chosen type are offered). */
  drivers: ResourceDriver[];
  /** Editing a stored definition: its id and type are fixed. */
  stored: boolean;
  readOnly: boolean;
}

/** Id, name, type, driver and driver account of a definition. */
export function DefinitionFields({
  orgId,
  draft,
  onChange,
  drivers,
  stored,
  readOnly,
}: FieldsProps) {
  const types = useResourceTypes(orgId);
  const accounts = useResourceAccounts(orgId);
  const set = (change: Partial<DefinitionDraft>) =>
    onChange({ ...draft, ...change });
  const offered = drivers.filter(
    (d) => !draft.type || d.type === draft.type || d.type === '*',
  );
  const driver = drivers.find((d) => driverRef(d) === draft.driverType);
  const accountTypes = driver?.account_types ?? [];
  const usable = (accounts.data ?? []).filter((a) =>
    accountTypes.includes(a.type),
  );
  const typeIds = (types.data ?? []).map((t) => t.type);
  // A new definition's id as typed: said wrong in words (not sent), once there is one.
  const badId =
    !stored && draft.id !== ''
      ? idProblem(draft.id, 'staging-postgres', MIN_ID_LENGTH.definition)
      : undefined;
  return (
    <div className="defs__form-grid">
      <div className="field">
        <label htmlFor="def-id">Definition id</label>
        <input
          id="def-id"
          className="input mono"
          value={draft.id}
          placeholder="staging-postgres"
          readOnly={stored || readOnly}
          required
          aria-invalid={badId ? true : undefined}
          aria-describedby={badId ? 'def-id-error' : undefined}
          onChange={(e) => set({ id: e.target.value })}
        />
        {badId && (
          // Described, not announced, while typing: the disabled button says to correct it.
          <span id="def-id-error" className="field__error">
            {badId}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="def-name">Name</label>
        <input
          id="def-name"
          className="input"
          value={draft.name}
          placeholder="Staging databases"
          readOnly={readOnly}
          onChange={(e) => set({ name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="def-type">Resource type</label>
        <select
          id="def-type"
          className="input"
          value={draft.type}
          disabled={stored || readOnly}
          required
          onChange={(e) => set({ type: e.target.value, driverType: '' })}
        >
          <option value="">Choose a type…</option>
          {[...new Set([...typeIds, draft.type].filter(Boolean))]
            .sort()
            .map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="def-driver">Driver</label>
        <select
          id="def-driver"
          className="input"
          value={draft.driverType}
          disabled={readOnly}
          required
          onChange={(e) =>
            set({ driverType: e.target.value, driverAccount: '' })
          }
        >
          <option value="">
            {offered.length === 0 && draft.type
              ? `No driver provisions ${draft.type}`
              : 'Choose a driver…'}
          </option>
          {offered.map((d) => (
            <option key={driverRef(d)} value={driverRef(d)}>
              {driverRef(d)}
            </option>
          ))}
          {draft.driverType && !driver && (
            <option value={draft.driverType}>{draft.driverType}</option>
          )}
        </select>
      </div>
      {accountTypes.length > 0 && (
        <div className="field">
          <label htmlFor="def-account">Driver account</label>
          <select
            id="def-account"
            className="input"
            value={draft.driverAccount}
            disabled={readOnly}
            onChange={(e) => set({ driverAccount: e.target.value })}
          >
            <option value="">None</option>
            {usable.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.type})
              </option>
            ))}
          </select>
          <span className="field__hint">
            Accounts of type {accountTypes.join(', ')}; their credentials are
            never shown.
          </span>
        </div>
      )}
    </div>
  );
}
