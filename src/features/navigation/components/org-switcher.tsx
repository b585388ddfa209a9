import * as Menu from '@radix-ui/react-dropdown-menu';
import { Link } from 'react-router';
import { Icon } from '@/components/layout/icons';
import { paths } from '@/config/paths';
import { useOrgs } from '../queries';
import { RailTip } from './rail-tip';

/** The organisation: its name, and a menu to switch to another one. */
export function OrgSwitcher({ orgId, rail }: { orgId: string; rail: boolean }) {
  const orgs = useOrgs();
  const name = orgs.data?.find((o) => o.id === orgId)?.name ?? orgId;
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  return (
    <Menu.Root modal={false}>
      <RailTip rail={rail} label={`Organisation: ${name}`}>
        <Menu.Trigger
          className="org-switcher"
          aria-label={`Organisation: ${name}. Switch organisation`}
        >
          <span className="org-switcher__badge" aria-hidden="true">
            {initials}
          </span>
          {!rail && (
            <>
              <span className="org-switcher__name">{name}</span>
              <Icon name="chevronDown" size={14} />
            </>
          )}
        </Menu.Trigger>
      </RailTip>
      <Menu.Portal>
        <Menu.Content
          className="menu"
          side={rail ? 'right' : 'bottom'}
          align="start"
          sideOffset={4}
        >
          <Menu.Label className="menu__label">Organisations</Menu.Label>
          {orgs.isPending && (
            <Menu.Item className="menu__item" disabled>
              Loading…
            </Menu.Item>
          )}
          {orgs.isError && (
            <Menu.Item className="menu__item" disabled>
              Could not load the organisations
            </Menu.Item>
          )}
          {orgs.data?.map((org) => (
            <Menu.Item key={org.id} asChild className="menu__item">
              <Link
                to={paths.apps(org.id)}
                aria-current={org.id === orgId ? 'true' : undefined}
              >
                <span className="menu__check" aria-hidden="true">
                  {org.id === orgId ? '✓' : ''}
                </span>
                {org.name}
                {org.id === orgId && (
                  <span className="visually-hidden"> (current)</span>
                )}
              </Link>
            </Menu.Item>
          ))}
          <Menu.Separator className="menu__separator" />
          <Menu.Item asChild className="menu__item">
            <Link to={paths.settings(orgId)}>
              <Icon name="settings" /> Organisation settings
            </Link>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
