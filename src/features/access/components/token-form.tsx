import { useState, type FormEvent } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { useCreateToken, useOrgUsers } from '../queries';
import { TokenCreated } from './token-created';

const DAY_MS = 24 * 3600_000;

/** Creates a token for a service user: expiry in days, description, optional scopes. */
export function TokenForm({ orgId }: { orgId: string }) {
  const users = useOrgUsers(orgId);
  const services = users.data?.filter((u) => u.type === 'service') ?? [];
  const create = useCreateToken(orgId);
  const [userId, setUserId] = useState('');
  const [tokenId, setTokenId] = useState('');
  const [description, setDescription] = useState('');
  const [days, setDays] = useState('30');
  const [readOnly, setReadOnly] = useState(false);
  const [apps, setApps] = useState('');
  const [secret, setSecret] = useState<{ token: string; id: string } | null>(null);
  const owner = userId || services[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const appList = apps.split(/[\s,]+/).filter(Boolean);
    const expires = Number(days) > 0 ? new Date(Date.now() + Number(days) * DAY_MS).toISOString() : undefined;
    create.mutate(
      {
        userId: owner,
        body: {
          id: tokenId.trim(),
          description: description.trim(),
          ...(expires ? { expires_at: expires } : {}),
          ...(readOnly || appList.length ? { scope: { ...(readOnly ? { read_only: true } : {}), ...(appList.length ? { apps: appList } : {}) } } : {}),
        },
      },
      {
        onSuccess: (created) => {
          setSecret({ token: created.token, id: created.info.id });
          setTokenId('');
          setDescription('');
        },
      },
    );
  };

  if (users.isSuccess && services.length === 0) {
    return <p className="muted">Tokens belong to service users: create one above first.</p>;
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">New token</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="token-user">Service user</label>
          <select id="token-user" className="input" value={owner} onChange={(e) => setUserId(e.target.value)}>
            {services.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.role})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-id">Token id</label>
          <input id="token-id" className="input mono" value={tokenId} onChange={(e) => setTokenId(e.target.value)} placeholder="ci-deploy" />
        </div>
        <div className="field">
          <label htmlFor="token-days">Expires in (days, 0 = never)</label>
          <input id="token-days" className="input" type="number" min={0} value={days} onChange={(e) => setDays(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="token-description">Description</label>
        <input id="token-description" className="input" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="row">
        <label>
          <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> Read-only
        </label>
        <div className="field">
          <label htmlFor="token-apps">Limit to apps (comma-separated, empty = all)</label>
          <input id="token-apps" className="input mono" value={apps} onChange={(e) => setApps(e.target.value)} />
        </div>
      </div>
      <p className="field__hint">A scope only narrows the service user&apos;s roles; it never grants more.</p>
      {create.isError && <ErrorPanel error={create.error} action="create the token" />}
      <div>
        <button type="submit" className="button button--primary" disabled={!owner || !tokenId.trim() || create.isPending}>
          Create token
        </button>
      </div>
      <TokenCreated secret={secret?.token ?? null} tokenId={secret?.id ?? ''} onClose={() => setSecret(null)} />
    </form>
  );
}
