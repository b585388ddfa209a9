import { Link } from 'react-router';
import type { FleetAttentionItem } from '@/api/fleet';
import { ApiText } from '@/components/ui/api-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { healthStatus } from '@/lib/status';
import './fleet.css';

/** Environments that need attention in every organisation, worst first. */
export function FleetInbox({ items }: { items: FleetAttentionItem[] }) {
  return (
    <section className="panel" aria-labelledby="fleet-inbox-heading">
      <div className="panel__header">
        <h2 id="fleet-inbox-heading">Needs attention across organisations</h2>
        <span className="muted">{items.length} environments</span>
      </div>
      {items.length === 0 ? (
        <p className="panel__body">
          <StatusBadge status={healthStatus('Healthy')} /> Nothing needs attention in any organisation.
        </p>
      ) : (
        <ul className="fleet-inbox">
          {items.map((item) => (
            <li key={`${item.org_id}/${item.app_id}/${item.env_id}`}>
              <div className="fleet-inbox__head">
                <StatusBadge status={healthStatus(item.state)} />
                <span className="chip">{item.org_name}</span>
                <Link to={paths.env(item.org_id, item.app_id, item.env_id)}>
                  {item.app_name} / {item.env_name}
                </Link>
                <span className="chip">{item.env_type}</span>
              </div>
              <span>
                <ApiText text={item.summary} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
