import { useQuery } from '@tanstack/react-query';
import type { LocalRunRequest } from '@/api/local-run';
import { localRunQueries } from '@/api/queries/local-run';

/** The bundle the "Run locally" page's choices ask for. */
export const useLocalRun = (request: LocalRunRequest) =>
  useQuery(localRunQueries.bundle(request));
