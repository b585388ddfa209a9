import { getApiToken } from '@/api/client';
import { actAs, DEMO_SIGN_INS } from '@/lib/demo-users';

/** On the embedded engine: act as one of the seeded users, to see access control at work. */
export function UserSwitcher() {
  const current = getApiToken() ?? '';
  return (
    <div className="field">
      <label htmlFor="act-as">Act as</label>
      <select
        id="act-as"
        className="input"
        value={current}
        onChange={(e) => actAs(e.target.value)}
      >
        {!DEMO_SIGN_INS.some((u) => u.token === current) && (
          <option value={current}>Another user</option>
        )}
        {DEMO_SIGN_INS.map((user) => (
          <option key={user.token} value={user.token}>
            {user.name} ({user.role})
          </option>
        ))}
      </select>
      <span className="field__hint">
        The embedded engine enforces each user&apos;s roles, as a real API
        would.
      </span>
    </div>
  );
}
