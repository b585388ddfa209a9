import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createRoutes } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';

/**
 * Renders the whole console (real routes, real providers, a fresh query client
 * without retries) at `url`. The API is answered by the MSW handlers over the
 * real engine (see setup-tests.ts).
 */
export function renderApp(url: string) {
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(createRoutes(queryClient), {
    initialEntries: [url],
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}
