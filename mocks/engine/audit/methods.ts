/**
 * The engine methods of the audit log and the event catalogue (the
 * {@link AuditEngine} part of `Engine`): reading authorizes the caller (the
 * only place this domain does); recording is for the HTTP layer, which sees
 * every call (mocks/handlers/audit.ts), and is not a call of its own.
 */
import type { Actor, Runners } from '../core/context';
import { authorize } from '../access';
import { requireOrg } from '../core/lookup';
import {
  appendAuditEntry,
  listAuditLog,
  type AuditCall,
  type AuditPage,
  type AuditQuery,
} from './ops';
import { listEvents, type PlatformEvent } from './events';

/** The audit log and the events the platform emits. */
export interface AuditEngine {
  /**
   * Records a call the API answered (who, method, path, status; never a
   * body) in the log of each organisation it concerns: its path's, else the
   * caller's. Succeeds for refused calls too; it is not itself a call, so it
   * needs no permission. Unknown organisations and users are not recorded.
   */
  recordAuditEntry(call: AuditCall): void;
  /** A page of the organisation's audit log, newest first (administrators: `org.manage`, 403 otherwise). */
  listAuditLog(actor: Actor, orgId: string, query?: AuditQuery): AuditPage;
  /** The event types the platform emits (any role in the organisation). */
  listEvents(actor: Actor, orgId: string): PlatformEvent[];
}

/** The audit methods over the engine's runners. */
export function auditMethods({ read, append }: Runners): AuditEngine {
  return {
    recordAuditEntry: (call) =>
      append((state, now) =>
        Object.hasOwn(state.users, call.userId)
          ? appendAuditEntry(state, now, call)
          : [],
      ),
    listAuditLog: (actor, orgId, query = {}) =>
      read(actor, (ctx) => {
        requireOrg(ctx.state, orgId);
        authorize(ctx, {
          action: 'org.manage',
          orgId,
          doing: 'Reading the audit log',
        });
        return listAuditLog(ctx, orgId, query);
      }),
    listEvents: (actor, orgId) =>
      read(actor, (ctx) => {
        requireOrg(ctx.state, orgId);
        authorize(ctx, { action: 'org.read', orgId });
        return listEvents();
      }),
  };
}
