import { formatAbsolute, formatRelative } from '@/lib/format';

/** "3 min ago", with the absolute time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
