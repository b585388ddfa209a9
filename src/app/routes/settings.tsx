import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { config } from '@/config/env';
import { AccessSettings } from '@/features/access/components/access-settings';
import { DemoData } from '@/features/settings/components/demo-data';
import { FaultInjection } from '@/features/settings/components/fault-injection';

export function Component() {
  const { orgId } = useParams();
  return (
    <>
      <PageHeader title="Settings" />
      <section className="panel" aria-labelledby="api-heading">
        <div className="panel__header">
          <h2 id="api-heading">API connection</h2>
        </div>
        <div className="panel__body">
          <dl className="kv">
            <dt>API</dt>
            <dd>{config.useEmbeddedEngine ? 'Embedded engine (in this browser)' : <code>{config.apiBase}</code>}</dd>
          </dl>
        </div>
      </section>
      <AccessSettings orgId={orgId} />
      {config.useEmbeddedEngine && <DemoData />}
      {config.useEmbeddedEngine && <FaultInjection />}
    </>
  );
}

export { RouteError as ErrorBoundary } from './route-error';
