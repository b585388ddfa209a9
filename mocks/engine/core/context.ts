/**
 * The context every engine operation runs in, and who calls it.
 */
import type { AppVisibility, TokenScope } from './model/access';
import type { IdSource } from './model/spec';
import type { SchemaValidator } from './model/profiles';
import type { StateV1 } from './state';
import type { PatchOp } from './state-changes';

export type { EngineState } from './state';

/** Who is calling: resolved from the bearer token by `authenticate`. */
export interface Actor {
  userId: string;
  /** The id of the API token used, when it is one of the user's tokens (its scope narrows the user's roles). */
  tokenId?: string;
}

/** What an operation works on: the state (a draft for mutations), the time, the caller and the id source. */
export interface OpContext {
  state: StateV1;
  now: number;
  userId: string;
  ids: IdSource;
  /** The scope of the caller's token, when it is a scoped API token (access.ts). */
  scope?: TokenScope;
  /** The injected schema validator (EngineOptions.schemaValidator), if any. */
  schemas?: SchemaValidator;
  /** Which apps members read (EngineOptions.appVisibility); `roles` when absent. */
  appVisibility?: AppVisibility;
}

/** How the engine runs an operation: reads on the state, writes on a draft committed on success. */
export interface Runners {
  read<T>(actor: Actor, op: (ctx: OpContext) => T): T;
  write<T>(actor: Actor, op: (ctx: OpContext) => T): T;
  /**
   * Appends to a part of the state that writes never touch (the audit log,
   * audit/), outside any write, so it also happens for a refused call: `op`
   * changes the state in place and returns what it changed as patch
   * operations (for the change tracker); subscribers are told `audit-log`.
   */
  append(op: (state: StateV1, now: number) => PatchOp[]): void;
}
