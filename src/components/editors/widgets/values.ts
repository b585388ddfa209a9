/** Pure helpers of the custom widgets: image references and Kubernetes quantities. */

/** An image reference split into repository and tag (or digest). */
export interface ImageRef {
  repository: string;
  /** The tag, or the digest with its `@` (e.g. `@sha256:…`). */
  tag: string;
}

/** Splits `registry:5000/team/app:1.2` into repository and tag; a port is never mistaken for a tag. */
export function parseImageRef(value: string): ImageRef {
  const at = value.indexOf('@');
  if (at >= 0) return { repository: value.slice(0, at), tag: value.slice(at) };
  const slash = value.lastIndexOf('/');
  const colon = value.lastIndexOf(':');
  if (colon > slash)
    return { repository: value.slice(0, colon), tag: value.slice(colon + 1) };
  return { repository: value, tag: '' };
}

/** Joins repository and tag (a digest keeps its `@`). */
export function joinImageRef({ repository, tag }: ImageRef): string {
  const t = tag.trim();
  if (!t) return repository.trim();
  return t.startsWith('@')
    ? `${repository.trim()}${t}`
    : `${repository.trim()}:${t.replace(/^:/, '')}`;
}

/** What kind of quantity a widget edits. */
export type QuantityKind = 'cpu' | 'memory';

/** The units offered per kind; `''` means cores (CPU) or bytes (memory). */
export const UNITS: Record<
  QuantityKind,
  { unit: string; label: string; factor: number }[]
> = {
  cpu: [
    { unit: 'm', label: 'millicores', factor: 0.001 },
    { unit: '', label: 'cores', factor: 1 },
  ],
  memory: [
    { unit: 'Mi', label: 'MiB', factor: 2 ** 20 },
    { unit: 'Gi', label: 'GiB', factor: 2 ** 30 },
    { unit: 'Ki', label: 'KiB', factor: 2 ** 10 },
    { unit: 'Ti', label: 'TiB', factor: 2 ** 40 },
    { unit: 'M', label: 'MB', factor: 1e6 },
    { unit: 'G', label: 'GB', factor: 1e9 },
    { unit: '', label: 'bytes', factor: 1 },
  ],
};

/** A quantity split into amount and unit; undefined when the text is not a quantity of that kind. */
export function parseQuantity(
  kind: QuantityKind,
  value: string | number | undefined,
): { amount: string; unit: string } | undefined {
  if (value === undefined || value === '')
    return { amount: '', unit: UNITS[kind][0].unit };
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(String(value).trim());
  if (!match || !UNITS[kind].some((u) => u.unit === match[2])) return undefined;
  return { amount: match[1], unit: match[2] };
}

/** "0.25 cores", "512 MiB (0.5 GiB)": what a quantity means, for the hint under the field. */
export function describeQuantity(
  kind: QuantityKind,
  value: string | number | undefined,
): string | undefined {
  const parsed = parseQuantity(kind, value);
  if (!parsed || parsed.amount === '') return undefined;
  const unit = UNITS[kind].find((u) => u.unit === parsed.unit)!;
  const base = Number(parsed.amount) * unit.factor;
  if (kind === 'cpu')
    return `${round(base)} core${base === 1 ? '' : 's'} (${round(base * 1000)}m)`;
  if (base >= 2 ** 30) return `${round(base / 2 ** 30)} GiB`;
  if (base >= 2 ** 20) return `${round(base / 2 ** 20)} MiB`;
  return `${round(base)} bytes`;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
