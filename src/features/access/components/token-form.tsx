import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '@/api/client';
import { newIdempotencyKey } from '@/api/idempotency';
import { ErrorPanel } from '@/components/ui/error-panel';
import { isRetryableStatus } from '@/lib/errors';
import { useCreateToken, type CreateTokenRequest } from '../mutations';
import { useApps, useEnvTypes, useOrgUsers } from '../queries';
import { ScopePicker } from './scope-picker';
import { TokenCreated } from './token-created';

const DAY_MS = 24 * 3600_000;
/** The longest expiry the form offers: ten years (a token meant to live longer is one that never expires: 0). */
const MAX_DAYS = 3650;

/** What is wrong with the expiry field's text, or undefined: a whole number of days, 0 to MAX_DAYS. */
function expiryDaysError(days: string): string | undefined {
  const text = days.trim();
  if (!/^\d+$/.test(text))
    return 'Enter a whole number of days, or 0 for a token that never expires.';
  if (Number(text) > MAX_DAYS)
    return `At most ${MAX_DAYS.toLocaleString('en')} days (ten years), or 0 for a token that never expires.`;
  return undefined;
}

/** Creates a token for a service user: expiry in days, description, optional scopes. */
export function TokenForm({ orgId }: { orgId: string }) {
  const users = useOrgUsers(orgId);
  const services = users.data?.filter((u) => u.type === 'service') ?? [];
  const create = useCreateToken(orgId);
  const [userId, setUserId] = useState('');
  const [tokenId, setTokenId] = useState('');
  const [description, setDescription] = useState('');
  const [days, setDays] = useState('30');
  // Said once the user submits (not while typing), and kept in step with the field after that.
  const [daysTouched, setDaysTouched] = useState(false);
  const daysError = expiryDaysError(days);
  const [readOnly, setReadOnly] = useState(false);
  const [apps, setApps] = useState<string[]>([]);
  const [envTypes, setEnvTypes] = useState<string[]>([]);
  const appList = useApps(orgId);
  const typeList = useEnvTypes(orgId);
  const [secret, setSecret] = useState<{ token: string; id: string } | null>(
    null,
  );
  const owner = userId || services[0]?.id || '';
  // The last creation whose outcome is unknown (no answer, a time-out, a server error): submitting the same
  // form again resends exactly that request (same expiry, same Idempotency-Key), so a token created before
  // its answer was lost is answered again, secret included, instead of a second token or a 409.
  const attempt = useRef<{ fields: string; request: CreateTokenRequest }>(
    undefined,
  );

  const send = (request: CreateTokenRequest) =>
    create.mutate(request, {
      onSuccess: (created) => {
        attempt.current = undefined;
        setSecret({ token: created.token, id: created.info.id });
        setTokenId('');
        setDescription('');
      },
      onError: (error) => {
        // A refusal (4xx) created nothing: the next submit is a new action.
        if (!(error instanceof ApiError) || !isRetryableStatus(error.status))
          attempt.current = undefined;
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (daysError) {
      // "-5" or "" used to create a token that never expires: refused here, with the field to fix.
      setDaysTouched(true);
      document.getElementById('token-days')?.focus();
      return;
    }
    const fields = JSON.stringify([
      owner,
      tokenId.trim(),
      description.trim(),
      days,
      readOnly,
      apps,
      envTypes,
    ]);
    if (attempt.current?.fields === fields)
      return send(attempt.current.request);
    const expires =
      Number(days.trim()) > 0
        ? new Date(Date.now() + Number(days.trim()) * DAY_MS).toISOString()
        : undefined;
    const request = {
      userId: owner,
      body: {
        id: tokenId.trim(),
        description: description.trim(),
        ...(expires ? { expires_at: expires } : {}),
        ...(readOnly || apps.length || envTypes.length
          ? {
              scope: {
                ...(readOnly ? { read_only: true } : {}),
                ...(apps.length ? { apps: [...apps].sort() } : {}),
                ...(envTypes.length ? { env_types: [...envTypes].sort() } : {}),
              },
            }
          : {}),
      },
      idempotencyKey: newIdempotencyKey(),
    };
    attempt.current = { fields, request };
    send(request);
  };
  const retryable =
    create.error instanceof ApiError && isRetryableStatus(create.error.status);

  if (users.isSuccess && services.length === 0) {
    return (
      <p className="muted">
        Tokens belong to service users: create one above first.
      </p>
    );
  }
  return (
    <form
      onSubmit={submit}
      className="stack"
      aria-labelledby="new-token-heading"
      // The form says what is wrong itself (the browser's bubble would name neither the rule nor "0 = never").
      noValidate
    >
      <h3 id="new-token-heading">New token</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="token-user">Service user</label>
          <select
            id="token-user"
            className="input"
            value={owner}
            onChange={(e) => setUserId(e.target.value)}
          >
            {services.map((u) => (
              // The id too: two service users may share a name (the second "CI deployer" is ci-deployer-2).
              <option key={u.id} value={u.id}>
                {u.name} · id {u.id} · {u.role}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-id">Token id</label>
          <input
            id="token-id"
            className="input mono"
            value={tokenId}
            onChange={(e) => setTokenId(e.target.value)}
            placeholder="ci-deploy"
          />
        </div>
        <div className="field">
          <label htmlFor="token-days">Expires in (days, 0 = never)</label>
          <input
            id="token-days"
            className="input"
            type="number"
            min={0}
            max={MAX_DAYS}
            step={1}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            aria-invalid={daysTouched && daysError ? true : undefined}
            aria-describedby={
              daysTouched && daysError ? 'token-days-error' : undefined
            }
          />
          {daysTouched && daysError && (
            <span id="token-days-error" className="field__error" role="alert">
              {daysError}
            </span>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor="token-description">Description</label>
        <input
          id="token-description"
          className="input"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <label>
        <input
          type="checkbox"
          checked={readOnly}
          onChange={(e) => setReadOnly(e.target.checked)}
        />{' '}
        Read-only
      </label>
      <div className="row scope-pickers">
        <ScopePicker
          legend="Limit to apps"
          noun="apps"
          items={appList.data}
          isError={appList.isError}
          error={appList.error}
          onRetry={() => appList.refetch()}
          selected={apps}
          onChange={setApps}
        />
        <ScopePicker
          legend="Limit to environment types"
          noun="environment types"
          items={typeList.data}
          isError={typeList.isError}
          error={typeList.error}
          onRetry={() => typeList.refetch()}
          selected={envTypes}
          onChange={setEnvTypes}
        />
      </div>
      <p className="field__hint">
        A scope only narrows the service user&apos;s roles; it never grants
        more.
      </p>
      {create.isError && (
        <ErrorPanel
          error={create.error}
          action="create the token"
          onRetry={
            retryable
              ? () => attempt.current && send(attempt.current.request)
              : undefined
          }
        />
      )}
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!owner || !tokenId.trim() || create.isPending}
        >
          Create token
        </button>
      </div>
      <TokenCreated
        secret={secret?.token ?? null}
        tokenId={secret?.id ?? ''}
        onClose={() => setSecret(null)}
        // The opener's button was disabled while the token was created: back to the form, for the next one.
        returnFocusTo={() => document.getElementById('token-id')}
      />
    </form>
  );
}
