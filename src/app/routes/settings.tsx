import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { config } from '@/config/env';
import { AccessSettings } from '@/features/access/components/access-settings';
import { DemoData } from '@/features/settings/components/demo-data';
import { FaultInjection } from '@/features/settings/components/fault-injection';
import { RegistriesPanel } from '@/features/settings/components/registries-panel';
import { SecretStoresPanel } from '@/features/settings/components/secret-stores-panel';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { Panel, PanelBody } from '@/components/ui/panel';

export function Component() {
  const { orgId } = useParams();
  return (
    <>
      <PageHeader
        title="Organisation settings"
        actions={
          // The settings with a page of their own.
          <nav aria-label="More settings">
            <Link className="button" to={paths.envTypes(orgId ?? '')}>
              Environment types
            </Link>
          </nav>
        }
      />
      <Panel titleId="api-heading" title="API connection">
        <PanelBody>
          <dl className="kv">
            <dt>API</dt>
            <dd>
              {config.useEmbeddedEngine ? (
                'Embedded engine (in this browser)'
              ) : (
                <code>{config.apiBase}</code>
              )}
            </dd>
          </dl>
        </PanelBody>
      </Panel>
      <AccessSettings orgId={orgId} />
      {orgId && <SecretStoresPanel orgId={orgId} />}
      {orgId && <RegistriesPanel orgId={orgId} />}
      {config.useEmbeddedEngine && <DemoData />}
      {config.useEmbeddedEngine && <FaultInjection />}
    </>
  );
}

export { RouteError as ErrorBoundary } from './route-error';
