import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '@/api/client';
import { newIdempotencyKey } from '@/api/idempotency';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useCan } from '@/hooks/use-can';
import { isRetryableStatus } from '@/lib/errors';
import { useCreateServiceUser, useUpdateOrgRole } from '../mutations';
import { useOrgUsers } from '../queries';
import { DataTable } from '@/components/ui/data-table';
import { focusFieldAfterSubmit } from '@/lib/focus';

const ROLES = [
  'administrator',
  'manager',
  'member',
  'artefactContributor',
  'orgViewer',
];
/** Lower index = more power; a change to a higher index is a downgrade. */
const rank = (role: string) => ROLES.indexOf(role);

/** Members and service users of the organisation, their roles, and a form for a new service user. */
export function MembersPanel({ orgId }: { orgId: string }) {
  const users = useOrgUsers(orgId);
  const may = useCan(orgId, 'manage-org');
  const update = useUpdateOrgRole(orgId);
  const create = useCreateServiceUser(orgId);
  const [pending, setPending] = useState<{
    userId: string;
    from: string;
    to: string;
  } | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState('member');

  const change = (userId: string, from: string, to: string) => {
    if (rank(to) > rank(from)) setPending({ userId, from, to });
    else update.mutate({ userId, role: to });
  };
  // The last creation whose outcome is unknown: the same name and role again keep its Idempotency-Key, so a
  // service user created before its answer was lost is answered again instead of a second one (`name-2`).
  const attempt = useRef<{
    name: string;
    role: string;
    idempotencyKey: string;
  }>(undefined);
  const send = () =>
    attempt.current &&
    create.mutate(attempt.current, {
      onSuccess: () => {
        attempt.current = undefined;
        setName('');
        focusFieldAfterSubmit('service-user-name');
      },
      onError: (error) => {
        focusFieldAfterSubmit('service-user-name');
        if (!(error instanceof ApiError) || !isRetryableStatus(error.status))
          attempt.current = undefined;
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (
      attempt.current?.name !== name.trim() ||
      attempt.current.role !== role
    ) {
      attempt.current = {
        name: name.trim(),
        role,
        idempotencyKey: newIdempotencyKey(),
      };
    }
    send();
  };

  return (
    <Panel titleId="members-heading" title="Members and service users">
      <PanelBody className="stack">
        {users.isPending && <Skeleton rows={3} label="Loading members" />}
        {users.isError && (
          <ErrorPanel
            error={users.error}
            action="load the members"
            onRetry={() => users.refetch()}
          />
        )}
        {users.data?.length === 0 && (
          <p className="muted">No members yet: create a service user below.</p>
        )}
        {users.data && users.data.length > 0 && (
          <DataTable
            caption={`Members of ${orgId}`}
            columns={['Name', 'Kind', 'Organisation role']}
            rows={users.data}
            renderRow={(user) => (
              <tr key={user.id}>
                <td>
                  {user.name} <code className="muted">{user.id}</code>
                </td>
                <td>{user.type === 'service' ? 'Service user' : 'Person'}</td>
                <td>
                  <select
                    className="input"
                    aria-label={`Role of ${user.name}`}
                    value={user.role}
                    disabled={!may.allowed || update.isPending}
                    title={may.allowed ? undefined : may.reason}
                    onChange={(e) => change(user.id, user.role, e.target.value)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            )}
          />
        )}
        {update.isError && (
          <ErrorPanel error={update.error} action="change the role" />
        )}
        <form
          className="row"
          onSubmit={submit}
          aria-label="Create a service user"
        >
          <div className="field">
            <label htmlFor="service-user-name">New service user</label>
            <input
              id="service-user-name"
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="CI deployer"
            />
          </div>
          <div className="field">
            <label htmlFor="service-user-role">Role</label>
            <select
              id="service-user-role"
              className="input"
              value={role}
              onChange={(e) => setRole(e.target.value)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <GuardedButton
            can={may}
            type="submit"
            className="button"
            disabled={!name.trim() || create.isPending}
          >
            Create service user
          </GuardedButton>
        </form>
        {create.isError && (
          <ErrorPanel
            error={create.error}
            action="create the service user"
            onRetry={
              create.error instanceof ApiError &&
              isRetryableStatus(create.error.status)
                ? send
                : undefined
            }
          />
        )}
      </PanelBody>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title="Lower this role?"
        confirmLabel="Lower the role"
        danger
        pending={update.isPending}
        error={update.error ?? undefined}
        onConfirm={() =>
          pending &&
          update.mutate(
            { userId: pending.userId, role: pending.to },
            { onSuccess: () => setPending(null) },
          )
        }
      >
        <p>
          <code>{pending?.userId}</code> goes from{' '}
          <strong>{pending?.from}</strong> to <strong>{pending?.to}</strong> and
          loses what the old role allowed, at once, including through its API
          tokens.
        </p>
      </ConfirmDialog>
    </Panel>
  );
}
