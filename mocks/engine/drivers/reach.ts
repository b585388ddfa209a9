/**
 * Whether the Platform Orchestrator can reach a custom driver: one whose URL
 * is private (localhost, a private IPv4 range, an in-cluster `.svc` /
 * `.cluster.local` / `.internal` / `.local` host) runs only inside the
 * cluster, so it works in the Operator and GitOps modes (the Operator calls
 * it there) and is refused in the direct mode (operator/mode.ts).
 */
import type { StateV1 } from '../core/state';
import { findDriver } from './ops';

function isPrivateHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  if (/\.(svc|cluster\.local|internal|local)$/.test(h) || !h.includes('.'))
    return true;
  const ip = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(h);
  if (!ip) return false;
  const [a, b] = [Number(ip[1]), Number(ip[2])];
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

/** The URL of a custom driver that only the cluster can reach; undefined for a built-in, a virtual or a public one. */
export function privateDriverTarget(
  state: StateV1,
  orgId: string,
  driverRef: string,
): string | undefined {
  const target = findDriver(state, orgId, driverRef)?.record?.target;
  if (!target || target.startsWith('driver://')) return undefined;
  try {
    return isPrivateHost(new URL(target).hostname) ? target : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a driver is a custom one (not a built-in). */
export function isCustomDriver(
  state: StateV1,
  orgId: string,
  driverRef: string,
): boolean {
  return findDriver(state, orgId, driverRef)?.record !== undefined;
}
