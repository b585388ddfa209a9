/** The demo organisation: the one `reset` checks the caller's role in (the seeds in mocks/fixtures build it). */
export const DEMO_ORG_ID = 'acme';

/** Bumped when the persisted state's shape changes. */
export const STATE_SCHEMA_VERSION = 1;
