import { Link, useLocation } from 'react-router';
import { Icon, type IconName } from '@/components/layout/icons';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { PAGE_ICONS } from '../utils/search-items';
import { RailTip } from './rail-tip';

/** The main sections. */
export function MainNav({ orgId, rail }: { orgId: string; rail: boolean }) {
  const { pathname } = useLocation();
  const auditLog = useCan(orgId, 'manage-org');
  const sections: { label: string; to: string; icon: IconName }[] = [
    { label: 'Apps', to: paths.apps(orgId), icon: PAGE_ICONS.apps },
    {
      label: 'Workload profiles',
      to: paths.profiles(orgId),
      icon: PAGE_ICONS.profiles,
    },
    {
      label: 'Pipelines',
      to: paths.orgPipelines(orgId),
      icon: PAGE_ICONS.pipelines,
    },
    {
      label: 'Artefacts',
      to: paths.artefacts(orgId),
      icon: PAGE_ICONS.artefacts,
    },
    {
      label: 'Resource definitions',
      to: paths.resourceDefs(orgId),
      icon: PAGE_ICONS['resource-definitions'],
    },
    { label: 'Fleet', to: paths.fleet(orgId), icon: PAGE_ICONS.fleet },
    // Agents are administrators' (as the audit log): the link shows once permissions say so.
    ...(auditLog.allowed && !auditLog.loading
      ? [{ label: 'Agents', to: paths.agents(orgId), icon: PAGE_ICONS.agents }]
      : []),
    {
      label: 'Team performance',
      to: paths.metrics(orgId),
      icon: PAGE_ICONS.metrics,
    },
    // The audit log is read by administrators only: the link shows once permissions say so.
    ...(auditLog.allowed && !auditLog.loading
      ? [
          {
            label: 'Audit log',
            to: paths.auditLog(orgId),
            icon: PAGE_ICONS['audit-log'],
          },
        ]
      : []),
    {
      label: 'Organisation settings',
      to: paths.settings(orgId),
      icon: PAGE_ICONS.settings,
    },
  ];
  return (
    <nav aria-label="Main" className="sidenav__section">
      <ul className="sidenav__list">
        {sections.map((s) => {
          const current =
            pathname === s.to
              ? 'page'
              : pathname.startsWith(`${s.to}/`)
                ? 'true'
                : undefined;
          return (
            <li key={s.to}>
              <RailTip rail={rail} label={s.label}>
                <Link
                  to={s.to}
                  className="sidenav__link"
                  aria-current={current}
                  aria-label={rail ? s.label : undefined}
                >
                  <Icon name={s.icon} />
                  {!rail && <span className="sidenav__text">{s.label}</span>}
                </Link>
              </RailTip>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
