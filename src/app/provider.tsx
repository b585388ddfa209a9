import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { SignInGate } from '@/features/session/components/sign-in';

interface AppProviderProps {
  queryClient: QueryClient;
  router: ReturnType<typeof createBrowserRouter>;
}

/** Query cache and router: everything a page needs. */
export function AppProvider({ queryClient, router }: AppProviderProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <SignInGate>
        <RouterProvider router={router} />
      </SignInGate>
    </QueryClientProvider>
  );
}
