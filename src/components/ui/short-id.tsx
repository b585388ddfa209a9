import { shortId } from '@/lib/format';
import { CopyIconButton } from './copy-icon-button';

/** A shortened id in monospace with the full value on hover and a copy button. */
export function ShortId({
  id,
  label = 'id',
  length,
}: {
  id: string;
  label?: string;
  length?: number;
}) {
  return (
    <span className="short-id">
      <code title={id}>{shortId(id, length)}</code>
      <CopyIconButton text={id} label={label} />
    </span>
  );
}
