/**
 * Shells into simulated containers (shell/ in the engine; console extension,
 * issue 23 §3): open a session on a workload's container (or a busybox debug
 * container attached to its pod), run one command line at a time, close it.
 * The three are POST/DELETE, so the audit log records each (audit.ts): who
 * opened, ran a command in or closed which session, never the command's text.
 */
import { json, noContent, route, type Dto } from './kit';

export const shellRoutes = [
  route('openShellSession', async ({ engine, actor, params: p, body }) =>
    json(
      engine.openShellSession(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.workloadId,
        await body(),
      ) satisfies Dto['ShellSession'],
      201,
    ),
  ),
  route('runShellCommand', async ({ engine, actor, params: p, body }) =>
    json(
      engine.runShellCommand(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.sessionId,
        (await body()).command,
      ) satisfies Dto['ShellCommandResult'],
    ),
  ),
  route('closeShellSession', ({ engine, actor, params: p }) => {
    engine.closeShellSession(actor, p.orgId, p.appId, p.envId, p.sessionId);
    return noContent();
  }),
];
