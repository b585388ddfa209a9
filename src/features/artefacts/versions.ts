import type { ArtefactVersion, RunningImage } from '@/api/artefacts';

/** The tag of an image reference (`registry/x/api:1.4.2` -> `1.4.2`), or undefined (no tag, or a digest only). */
export function tagOf(image: string): string | undefined {
  const bare = image.split('@')[0];
  const colon = bare.lastIndexOf(':');
  return colon > bare.lastIndexOf('/') ? bare.slice(colon + 1) : undefined;
}

/** `1.4.2`, `v1.4`, `1.4.2-rc.1`: the numbers, and whether it is a pre-release; undefined for other tags. */
function parse(tag: string) {
  const match = /^v?(\d+(?:\.\d+)*)(-[0-9A-Za-z.-]+)?$/.exec(tag);
  if (!match) return undefined;
  return { numbers: match[1].split('.').map(Number), pre: match[2] };
}

/**
 * Compares two tags as versions: negative when `a` is older than `b`, positive when newer, 0 when the same;
 * undefined when either is not a version (`latest`, a commit). `1.4` and `1.4.0` are the same; a pre-release
 * (`1.4.0-rc.1`) comes before its release.
 */
export function compareTags(a: string, b: string): number | undefined {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < Math.max(x.numbers.length, y.numbers.length); i++) {
    const d = (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined || y.pre === undefined) return x.pre ? -1 : 1;
  return Math.sign(x.pre.localeCompare(y.pre, 'en', { numeric: true }));
}

/**
 * The tag `target` runs when that is newer than `version` (deploying `version` there goes back), else undefined.
 * Tags that are versions compare as versions; otherwise the order CI pushed them in decides (`versions`, the
 * image's versions newest first), when the running one is among them.
 */
export function newerRunning(
  version: ArtefactVersion,
  versions: readonly ArtefactVersion[],
  target: RunningImage,
): string | undefined {
  if (target.artefact_version_id === version.id) return undefined;
  const running = versions.find((v) => v.id === target.artefact_version_id);
  const runningTag = running?.version ?? tagOf(target.image);
  if (!runningTag) return undefined;
  const byTag = version.version
    ? compareTags(version.version, runningTag)
    : undefined;
  if (byTag !== undefined) return byTag < 0 ? runningTag : undefined;
  if (!running) return undefined;
  return versions.indexOf(running) < versions.indexOf(version)
    ? runningTag
    : undefined;
}
