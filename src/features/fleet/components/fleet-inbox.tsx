import { Link } from 'react-router';
import type { FleetAttentionItem } from '@/api/fleet';
import { ApiText } from '@/components/ui/api-text';
import { Panel, PanelBody } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { healthStatus } from '@/lib/status';
import './fleet.css';

/** Environments that need attention in every organisation, worst first. */
export function FleetInbox({ items }: { items: FleetAttentionItem[] }) {
  return (
    <Panel
      titleId="fleet-inbox-heading"
      title="Needs attention across organisations"
      actions={<span className="muted">{items.length} environments</span>}
    >
      {items.length === 0 ? (
        <PanelBody as="p">
          <StatusBadge status={healthStatus('Healthy')} /> Nothing needs
          attention in any organisation.
        </PanelBody>
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
    </Panel>
  );
}
