import { Outlet } from 'react-router';
import { Shell } from '@/components/layout/shell';
import { RouteError } from './route-error';

export function Component() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <Shell>
      <RouteError />
    </Shell>
  );
}
