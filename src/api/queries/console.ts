import { queryOptions } from '@tanstack/react-query';
import { getDemoInfo } from '../console';
import { keys } from './keys';

/** The embedded engine's console. Refetch policy: never (the demo setup does not change while the page is open). */
export const consoleQueries = {
  demoInfo: () =>
    queryOptions({
      queryKey: keys.demoInfo(),
      queryFn: getDemoInfo,
      staleTime: Infinity,
    }),
};
