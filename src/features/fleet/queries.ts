import { useQuery } from '@tanstack/react-query';
import { fleetQueries } from '@/api/queries/fleet';

/** The fleet overview (polled while a rollout runs; see `src/api/queries/fleet.ts`). */
export const useFleetOverview = (orgId: string, baseline: string) =>
  useQuery(fleetQueries.overview(orgId, baseline));
