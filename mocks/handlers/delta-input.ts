import type { DeltaInput } from '../engine';
import type { Dto } from './kit';

/**
 * The spec's DeltaRequest (already validated against its schema) as the
 * engine's DeltaInput. The spec is looser than the engine's type (a module's
 * `profile`, `spec` and `externals` are optional or nullable there); the
 * engine checks those domain rules itself and refuses with `invalid` (400).
 * This is the one place where the two types meet.
 */
export function toDeltaInput(request: Dto['DeltaRequest']): DeltaInput {
  return request as DeltaInput;
}
