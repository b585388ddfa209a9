import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { SignInGate } from '@/features/session/components/sign-in';
import { createRouter } from './router';

/** Query cache, sign-in and router: everything a page needs. */
export function AppProvider({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SignInGate>
        <AppRouter queryClient={queryClient} />
      </SignInGate>
    </QueryClientProvider>
  );
}

/** The router starts loading data as soon as it exists, so it is created only once signed in. */
function AppRouter({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createRouter(queryClient));
  return <RouterProvider router={router} />;
}
