/**
 * Artefacts and container registries of an organisation: the image versions
 * CI pushes (name, tag, commit, ref, digest), archiving them, deleting
 * artefacts (ops.ts); registries with write-only credentials (registries.ts);
 * where each image runs (usage.ts); and the engine methods that authorize
 * them (methods.ts).
 */
export * from './methods';
export * from './ops';
export * from './registries';
export * from './usage';
