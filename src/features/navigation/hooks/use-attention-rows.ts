import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { NeedsAttentionItem } from '@/api/health';
import { healthQueries } from '@/api/queries/health';

const NONE: readonly NeedsAttentionItem[] = [];

/**
 * The needs-attention rows the palette finds waiting approvals in: the
 * organisation's health it already reads for environments' states, or, past
 * the browser's index (`partial`: that health is megabytes), the first page
 * of what needs attention, the landing's, which the engine starts with the
 * approvals. Empty where the API has no health.
 */
export function useAttentionRows(
  orgId: string | undefined,
  partial: boolean,
): readonly NeedsAttentionItem[] {
  const whole = useQuery({
    ...healthQueries.org(orgId ?? ''),
    enabled: !!orgId && !partial,
  });
  const paged = useInfiniteQuery({
    ...healthQueries.attention(orgId ?? ''),
    enabled: !!orgId && partial,
  });
  const first = paged.data?.pages[0];
  return useMemo(
    () => (partial ? first?.items : whole.data?.needs_attention) ?? NONE,
    [partial, first, whole.data],
  );
}
