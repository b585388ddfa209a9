import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { describeError, plain } from './errors';

/**
 * Toasts come from sonner, imported on the first one: not in the entry's
 * chunk, but in the shell's (its Toaster), which loads beside it.
 */
function toastError(title: string, description: string) {
  import('sonner')
    .then(({ toast }) =>
      toast.error(plain(title), { description: plain(description) }),
    )
    // The chunk did not load (offline): the error is not lost, the console has it.
    .catch(() => console.error(`${title}: ${description}`));
}

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
          toastError(`Refresh failed: ${view.title}`, view.message);
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.silent) return;
        const view = describeError(error);
        toastError(view.title, view.message);
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
