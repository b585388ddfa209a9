/**
 * Stands in for `tldts` in the page's MSW bundle (vite.config.ts aliases it;
 * not under Vitest). MSW keeps a cookie jar (tough-cookie) for the cookies
 * mocked responses set, and tough-cookie asks tldts for a cookie domain's
 * registrable domain: that costs the whole public suffix list, 115 kB gz, the
 * largest part of the demo's first load (Lighthouse's mobile preset downloads
 * it before the landing can show data).
 *
 * The embedded engine sets no cookie (the console authenticates with a
 * header), so the jar holds nothing. Answering "no registrable domain" keeps
 * host-only cookies working and refuses a cookie with a `Domain` attribute, as
 * tough-cookie refuses one set for a public suffix.
 */
export function getDomain(): string | null {
  return null;
}
