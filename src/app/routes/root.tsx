import type { QueryClient } from '@tanstack/react-query';
import { Outlet, type LoaderFunctionArgs } from 'react-router';
import { navigationQueries } from '@/api/queries/navigation';
import { Shell } from '@/components/layout/shell';
import { config } from '@/config/env';
import { BreadcrumbSwitchers } from '@/features/navigation/components/breadcrumb-switchers';
import { NavigationProvider } from '@/features/navigation/components/navigation-provider';
import { Sidebar } from '@/features/navigation/components/sidebar';
import { TopBarTools } from '@/features/navigation/components/top-bar-tools';
import { signOut } from '@/features/session/components/sign-in';
import { useScrollRestoration } from '@/hooks/use-scroll-restoration';
import { useTheme } from '@/hooks/use-theme';
import { RouteError } from './route-error';

/**
 * Starts loading the navigation index with the page's own data instead of
 * after the page has rendered; never waits for it (the page does not need it).
 */
export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const { orgId } = params;
    // After the page's own requests have gone out (a timer runs after the
    // child loaders started theirs): an API answers in order, and the index
    // of a large organisation takes longer to build than the page's data.
    if (orgId)
      setTimeout(
        () => void queryClient.prefetchQuery(navigationQueries.index(orgId)),
        0,
      );
    return null;
  };

const sidebar = (variant: 'full' | 'rail') => <Sidebar variant={variant} />;

export function Component() {
  const [theme, setTheme] = useTheme();
  useScrollRestoration();
  return (
    <NavigationProvider
      theme={theme}
      onThemeChange={setTheme}
      onSignOut={config.useEmbeddedEngine ? undefined : signOut}
    >
      <Shell
        theme={theme}
        sidebar={sidebar}
        topBar={<BreadcrumbSwitchers />}
        tools={<TopBarTools />}
      >
        <Outlet />
      </Shell>
    </NavigationProvider>
  );
}

/** Only if the frame itself fails: a bare frame with the error and a way back. */
export function ErrorBoundary() {
  const [theme] = useTheme();
  return (
    <Shell theme={theme} sidebar={() => null}>
      <RouteError />
    </Shell>
  );
}
