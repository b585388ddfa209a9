import { config } from '@/config/env';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useOrgs } from '../queries';
import { AppRolesPanel } from './app-roles-panel';
import { DeployersPanel } from './deployers-panel';
import { MembersPanel } from './members-panel';
import { TokensPanel } from './tokens-panel';
import { UserSwitcher } from './user-switcher';

/** Organisation settings: who you are, members and service users with their roles, API tokens. */
export function AccessSettings({ orgId: routeOrgId }: { orgId?: string }) {
  const orgs = useOrgs();
  const orgId = routeOrgId ?? config.orgId ?? orgs.data?.[0]?.id;
  return (
    <>
      <Panel titleId="access-heading" title="Signed in">
        <PanelBody className="stack">
          {config.useEmbeddedEngine ? (
            <UserSwitcher />
          ) : (
            <p>Signed in with an API token kept in this tab only.</p>
          )}
        </PanelBody>
      </Panel>
      {orgs.isPending && !orgId && (
        <Skeleton rows={3} label="Loading the organisation" />
      )}
      {orgs.isError && (
        <ErrorPanel
          error={orgs.error}
          action="load your organisations"
          onRetry={() => orgs.refetch()}
        />
      )}
      {orgs.isSuccess && !orgId && (
        <p className="muted">
          You belong to no organisation yet: ask an administrator to add you.
        </p>
      )}
      {orgId && <MembersPanel orgId={orgId} />}
      {orgId && <AppRolesPanel orgId={orgId} />}
      {orgId && <DeployersPanel orgId={orgId} />}
      {orgId && <TokensPanel orgId={orgId} />}
    </>
  );
}
