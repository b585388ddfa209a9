/**
 * The engine methods of shells: opening one, running a command in it and
 * closing it all need the deployer role of the environment's type
 * (`env.deploy`: who could deploy any code there anyway), checked again at
 * each command (a role withdrawn ends what the session may do). Secret values
 * revealed by `env --reveal` follow the same rule as a local run's secrets.
 * Sessions are kept here, in memory, for as long as the engine runs.
 */
import type { Actor, Runners } from '../core/context';
import { authorizeEnv, guards } from '../access';
import type { OpenShellInput, ShellCommandResult, ShellSession } from './model';
import {
  closeSession,
  openSession,
  requireSession,
  runCommand,
  type SessionStore,
} from './ops';

/** Shells into simulated containers (console extension). */
export interface ShellEngine {
  /** Opens a shell in a container of a running workload, or in a debug container attached to its pod. */
  openShellSession(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    input: OpenShellInput,
  ): ShellSession;
  /** Runs one command line in the caller's open session. */
  runShellCommand(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    sessionId: string,
    command: unknown,
  ): ShellCommandResult;
  /** Ends the caller's session. */
  closeShellSession(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    sessionId: string,
  ): void;
}

/** The shell methods over the engine's runners; the sessions live in this closure. */
export function shellMethods(runners: Runners): ShellEngine {
  const { readApp } = guards(runners);
  const sessions: SessionStore = new Map();
  let opened = 0;
  const doing = (appId: string, envId: string) =>
    `Opening a shell in a container of ${appId}/${envId}`;
  return {
    openShellSession: (actor, orgId, appId, envId, workloadId, input) =>
      readApp(actor, orgId, appId, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, doing(appId, envId));
        opened += 1;
        const id = `sh-${ctx.now.toString(36)}-${opened.toString(36)}`;
        return openSession(
          ctx,
          sessions,
          { orgId, appId, envId, workloadId },
          input,
          id,
        );
      }),
    runShellCommand: (actor, orgId, appId, envId, sessionId, command) =>
      readApp(actor, orgId, appId, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, doing(appId, envId));
        const ref = { orgId, appId, envId };
        const session = requireSession(ctx, sessions, ref, sessionId);
        return runCommand(ctx, sessions, session, command);
      }),
    closeShellSession: (actor, orgId, appId, envId, sessionId) =>
      readApp(actor, orgId, appId, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, doing(appId, envId));
        const ref = { orgId, appId, envId };
        closeSession(sessions, requireSession(ctx, sessions, ref, sessionId));
      }),
  };
}
