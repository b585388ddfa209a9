/**
 * Limits the console and the engine both enforce, so that they say the same
 * thing at the same size (a designer that accepted what the engine refuses at
 * publish was the bug this file ends).
 */

/** The largest workload-profile definition (its compact JSON, in characters): 256 KiB. */
export const MAX_PROFILE_DEFINITION_CHARS = 256 * 1024;

/** The size limit of a profile definition, in words. */
export const PROFILE_SIZE_LIMIT_TEXT = '256 KiB';
