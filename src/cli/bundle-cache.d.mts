/** Types of bundle-cache.mjs (plain JavaScript: the bins run it before any TypeScript loads). */

/** The repository's root. */
export const ROOT: string;
/** Where the bundles are kept. */
export const CACHE: string;

/**
 * The module of the TypeScript file `entry` (relative to the repository's root), run from its cached bundle `name`,
 * made first when missing or stale. `where` is for tests: another root (with its tsconfig.json) and cache folder.
 */
export function importBundled(
  entry: string,
  name: string,
  where?: { root: string; cache: string },
): Promise<Record<string, unknown>>;
