import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useCan } from '@/hooks/use-can';
import { useAppMembers } from '../hooks/use-app-members';
import { useApps, useOrgUsers } from '../queries';
import './access.css';

const APP_ROLES = ['viewer', 'developer', 'owner'];

/** Who has which role on an app: change (lowering asks first), add, remove. */
export function AppRolesPanel({ orgId }: { orgId: string }) {
  const apps = useApps(orgId);
  const [picked, setPicked] = useState('');
  const appId = picked || apps.data?.[0]?.id || '';
  const { members, add, update, remove } = useAppMembers(orgId, appId);
  const users = useOrgUsers(orgId);
  const may = useCan(orgId, 'manage-app', { appId });
  const [lower, setLower] = useState<{
    userId: string;
    from: string;
    to: string;
  } | null>(null);
  const [newUser, setNewUser] = useState('');
  const candidates = (users.data ?? []).filter(
    (u) => !members.data?.some((m) => m.id === u.id),
  );
  const change = (userId: string, from: string, to: string) =>
    APP_ROLES.indexOf(to) < APP_ROLES.indexOf(from)
      ? setLower({ userId, from, to })
      : update.mutate({ userId, role: to });
  const failed = add.error ?? update.error ?? remove.error;

  return (
    <Panel
      titleId="app-roles-heading"
      title="App roles"
      actions={
        <>
          <label className="visually-hidden" htmlFor="app-roles-app">
            App
          </label>
          <select
            id="app-roles-app"
            className="input"
            value={appId}
            onChange={(e) => setPicked(e.target.value)}
          >
            {apps.data?.map((app) => (
              <option key={app.id} value={app.id}>
                {app.name}
              </option>
            ))}
          </select>
        </>
      }
    >
      <PanelBody className="stack">
        {(apps.isPending || members.isPending) && (
          <Skeleton rows={2} label="Loading app members" />
        )}
        {apps.isError && (
          <ErrorPanel
            error={apps.error}
            action="load the apps"
            onRetry={() => apps.refetch()}
          />
        )}
        {apps.data?.length === 0 && (
          <p className="muted">
            No apps yet: create one to give people roles on it.
          </p>
        )}
        {members.isError && (
          <ErrorPanel
            error={members.error}
            action="load the app members"
            onRetry={() => members.refetch()}
          />
        )}
        {members.data && (
          <ul
            className="stack access-list"
            aria-label={`Members of app ${appId}`}
          >
            {members.data.length === 0 && (
              <li className="muted">Nobody has a role on this app yet.</li>
            )}
            {members.data.map((m) => (
              <li key={m.id} className="row">
                <span>{m.name}</span>
                <select
                  className="input"
                  aria-label={`Role of ${m.name} on ${appId}`}
                  value={m.role}
                  disabled={!may.allowed}
                  title={may.allowed ? undefined : may.reason}
                  onChange={(e) => change(m.id, m.role, e.target.value)}
                >
                  {APP_ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
                <GuardedButton
                  can={may}
                  className="button button--small"
                  aria-label={`Remove ${m.name} from ${appId}`}
                  onClick={() => remove.mutate(m.id)}
                >
                  Remove
                </GuardedButton>
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <label className="visually-hidden" htmlFor="app-roles-add">
            Member to add
          </label>
          <select
            id="app-roles-add"
            className="input"
            value={newUser}
            onChange={(e) => setNewUser(e.target.value)}
          >
            <option value="">Add a member as viewer…</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <GuardedButton
            can={may}
            className="button"
            disabled={!newUser}
            onClick={() =>
              add.mutate(
                { userId: newUser, role: 'viewer' },
                { onSuccess: () => setNewUser('') },
              )
            }
          >
            Add
          </GuardedButton>
        </div>
        {failed && <ErrorPanel error={failed} action="change the app roles" />}
      </PanelBody>
      <ConfirmDialog
        open={lower !== null}
        onOpenChange={(open) => !open && setLower(null)}
        title="Lower this app role?"
        confirmLabel="Lower the role"
        danger
        pending={update.isPending}
        onConfirm={() =>
          lower &&
          update.mutate(
            { userId: lower.userId, role: lower.to },
            { onSuccess: () => setLower(null) },
          )
        }
      >
        <p>
          <code>{lower?.userId}</code> goes from <strong>{lower?.from}</strong>{' '}
          to <strong>{lower?.to}</strong> on app <code>{appId}</code>.
        </p>
      </ConfirmDialog>
    </Panel>
  );
}
