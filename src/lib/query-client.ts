import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { describeError } from './errors';
import { toast } from 'sonner';

/**
 * The console's query client. A failed background refetch (data already shown)
 * or a failed mutation raises a toast here, once; pages handle first loads.
 */
export function createQueryClient(options: { retry?: boolean } = {}) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined) {
          const view = describeError(error);
          toast.error(`Refresh failed: ${view.title}`, {
            description: view.message,
          });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.silent) return;
        const view = describeError(error);
        toast.error(view.title, { description: view.message });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry:
          options.retry === false
            ? false
            : (count, error) => count < 2 && !isClientError(error),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

function isClientError(error: unknown) {
  const status = (error as { status?: number }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
