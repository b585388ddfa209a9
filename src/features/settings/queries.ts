import { useQuery } from '@tanstack/react-query';
import { consoleQueries } from '@/api/queries';

/** What the embedded engine runs (demo data, fault rules). */
export const useDemoInfo = () => useQuery(consoleQueries.demoInfo());
