import type { DoraTier } from '@/api/metrics';
import { StatusBadge } from '@/components/ui/status-badge';
import type { Tone } from '@/lib/status';
import { tierLabel } from '../utils/format';

const TONE: Record<DoraTier, Tone> = {
  elite: 'success',
  high: 'info',
  medium: 'warning',
  low: 'failure',
};

/** A DORA tier as a status badge (icon + word + colour); N/A when there is no data. */
export function TierBadge({ tier }: { tier: DoraTier | null }) {
  return (
    <StatusBadge
      status={{ tone: tier ? TONE[tier] : 'unknown', label: tierLabel(tier) }}
    />
  );
}
