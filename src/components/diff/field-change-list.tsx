import { Fragment } from 'react';
import { hasMask } from '@/lib/diff/masking';
import {
  CATEGORY_TITLES,
  formatValue,
  type FieldCategory,
  type FieldChange,
} from '@/lib/diff/field-changes';
import type { JsonValue } from '@/lib/json-schema/pointer';
import { DiffKindBadge } from './diff-kind-badge';

interface FieldChangeListProps {
  changes: FieldChange[];
  /** What changed, for the table caption, e.g. "api". */
  subject: string;
  /** The title a field has in its profile's form (by the change's path), shown before its key. */
  titleOf?: (path: string) => string | undefined;
}

const MAX_VALUE = 160;

/** Field-level changes grouped by category (image, variables, resources, …): from → to, secrets masked. */
export function FieldChangeList({
  changes,
  subject,
  titleOf,
}: FieldChangeListProps) {
  if (changes.length === 0) return <p className="muted">No field changes.</p>;
  const groups = new Map<FieldCategory, FieldChange[]>();
  for (const change of changes)
    groups.set(change.category, [
      ...(groups.get(change.category) ?? []),
      change,
    ]);
  return (
    <table className="field-changes">
      <caption className="visually-hidden">Field changes of {subject}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Change</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
        </tr>
      </thead>
      <tbody>
        {[...groups].map(([category, rows]) => (
          <Fragment key={category}>
            <tr>
              <th scope="rowgroup" colSpan={4}>
                {CATEGORY_TITLES[category]}
              </th>
            </tr>
            {rows.map((row, i) => (
              <tr key={`${row.path}:${i}`}>
                <td>
                  <FieldName label={row.label} title={titleOf?.(row.path)} />
                  {row.container && (
                    <span className="muted"> · container {row.container}</span>
                  )}
                </td>
                <td>
                  <DiffKindBadge kind={row.kind} />
                </td>
                <td data-label="From">
                  <Value
                    value={row.from}
                    present={row.kind !== 'added'}
                    image={row.category === 'image'}
                  />
                </td>
                <td data-label="To">
                  <Value
                    value={row.to}
                    present={row.kind !== 'removed'}
                    image={row.category === 'image'}
                  />
                </td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** An image reference that wraps only after a `/` or before an `@`, so `cart:1.0.4` is never split. */
function ImageText({ text }: { text: string }) {
  const parts = text.split(/(?<=\/)|(?=@)/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

function Value({
  value,
  present,
  image,
}: {
  value: JsonValue | undefined;
  present: boolean;
  image: boolean;
}) {
  if (!present)
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">none</span>
      </span>
    );
  const text = formatValue(value);
  const masked = hasMask(text);
  const short = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
  return (
    <span
      className={
        masked
          ? 'diff-value diff-value--masked'
          : image
            ? 'diff-value diff-value--image'
            : 'diff-value'
      }
      title={
        masked
          ? 'Secret value: hidden'
          : text.length > MAX_VALUE
            ? text
            : undefined
      }
    >
      {short === '' ? '""' : image ? <ImageText text={short} /> : short}
    </span>
  );
}

/** A field as its form names it ("Owning team", its key `team` beside it), or by its key alone. */
function FieldName({ label, title }: { label: string; title?: string }) {
  // A title that only spells the key again ("Image" for `image`) adds nothing.
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!title || plain(title) === plain(label)) return <code>{label}</code>;
  return (
    <>
      {title}{' '}
      <span className="muted">
        (<code>{label}</code>)
      </span>
    </>
  );
}
