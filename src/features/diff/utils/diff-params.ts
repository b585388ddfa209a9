/** A deployment named in the URL as `<envId>/<deployId>`. */
export interface DeploymentRef {
  envId: string;
  deployId: string;
}

/** `production/3f2a…` → a ref; anything else → `null`. */
export function parseRef(value: string | null): DeploymentRef | null {
  if (!value) return null;
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1) return null;
  return { envId: value.slice(0, slash), deployId: value.slice(slash + 1) };
}

/** A query string that keeps `/` readable (`from=production/3f2a`); `/` needs no escaping in a query. */
export function readableQuery(params: URLSearchParams): string {
  return params.toString().replace(/%2F/gi, '/');
}
