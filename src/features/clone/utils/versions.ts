/**
 * A workload's version as the promotion lane shows it: the tag of its first
 * container's image (`registry/shop/api:1.4.0` → `1.4.0`), the image when it
 * has no tag, and `—` without containers.
 */
export function workloadVersion(workload: unknown): string {
  const containers =
    (
      workload as {
        spec?: { containers?: Record<string, { image?: unknown }> };
      }
    )?.spec?.containers ?? {};
  const first = Object.keys(containers).sort()[0];
  const image = first ? containers[first]?.image : undefined;
  if (typeof image !== 'string' || image === '') return '—';
  const at = image.indexOf('@');
  if (at !== -1) return image.slice(at + 1, at + 20);
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : image;
}
