import { PageHeader } from '@/components/layout/page-header';
import { config } from '@/config/env';
import { DemoData } from '@/features/settings/components/demo-data';

export function Component() {
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
      {config.useEmbeddedEngine && <DemoData />}
    </>
  );
}

export { RouteError as ErrorBoundary } from './route-error';
