import * as Menu from '@radix-ui/react-dropdown-menu';
import { Icon, type IconName } from '@/components/layout/icons';
import { getApiToken } from '@/api/client';
import { config } from '@/config/env';
import type { ThemeChoice } from '@/hooks/use-theme';
import { actAs, DEMO_SIGN_INS } from '@/lib/demo-users';
import { useCurrentUser } from '../queries';
import { useNavigationUi } from './navigation-context';

const THEMES: { value: ThemeChoice; label: string; icon: IconName }[] = [
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
  { value: 'system', label: 'System', icon: 'system' },
];

/** Who is signed in, the theme (light / dark / system), shortcuts and sign-out. */
export function UserMenu() {
  const ui = useNavigationUi();
  const user = useCurrentUser();
  const name =
    user.data?.name ?? (user.isError ? 'Unknown user' : 'Loading user');
  const initials = user.data
    ? user.data.name
        .split(/\s+/)
        .slice(0, 2)
        .map((w) => w[0]?.toUpperCase())
        .join('')
    : '?';
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        className="user-menu__trigger"
        aria-label={`User menu: ${name}`}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials}
        </span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={6}>
          <div className="menu__user">
            <strong>{name}</strong>
            {user.data?.email && (
              <span className="muted">{user.data.email}</span>
            )}
          </div>
          <Menu.Separator className="menu__separator" />
          {config.useEmbeddedEngine && (
            <>
              <Menu.Label className="menu__label">
                Act as (embedded engine)
              </Menu.Label>
              <Menu.RadioGroup
                value={getApiToken() ?? ''}
                onValueChange={actAs}
              >
                {DEMO_SIGN_INS.map((u) => (
                  <Menu.RadioItem
                    key={u.token}
                    value={u.token}
                    className="menu__item"
                  >
                    <span className="menu__check" aria-hidden="true">
                      <Menu.ItemIndicator>✓</Menu.ItemIndicator>
                    </span>
                    {u.name} <span className="muted">({u.role})</span>
                  </Menu.RadioItem>
                ))}
              </Menu.RadioGroup>
              <Menu.Separator className="menu__separator" />
            </>
          )}
          <Menu.Label className="menu__label">Theme</Menu.Label>
          <Menu.RadioGroup
            value={ui.theme}
            onValueChange={(value) => ui.setTheme(value as ThemeChoice)}
          >
            {THEMES.map((t) => (
              <Menu.RadioItem
                key={t.value}
                value={t.value}
                className="menu__item"
              >
                <span className="menu__check" aria-hidden="true">
                  <Menu.ItemIndicator>✓</Menu.ItemIndicator>
                </span>
                <Icon name={t.icon} /> {t.label}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          <Menu.Separator className="menu__separator" />
          <Menu.Item
            className="menu__item"
            onSelect={() => ui.setHelpOpen(true)}
          >
            <Icon name="keyboard" /> Keyboard shortcuts{' '}
            <kbd className="menu__kbd">?</kbd>
          </Menu.Item>
          {ui.signOut && (
            <Menu.Item className="menu__item" onSelect={ui.signOut}>
              <Icon name="user" /> Sign out
            </Menu.Item>
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
