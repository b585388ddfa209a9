import { STATE_SCHEMA_VERSION, type EngineState } from '../engine';

/** Whether a stored value is an engine state this version can resume. */
export function isUsableState(value: unknown): value is EngineState {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as EngineState).schemaVersion === STATE_SCHEMA_VERSION
  );
}
