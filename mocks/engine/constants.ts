/** The seeded demo organisation. */
export const DEMO_ORG_ID = 'acme';

/**
 * Bearer tokens of the seeded users, for local runs only (README names them).
 * The embedded engine accepts nothing else.
 */
export const DEMO_TOKENS = {
  administrator: 'hum_demo_admin_token',
  developer: 'hum_demo_developer_token',
  viewer: 'hum_demo_viewer_token',
} as const;

/** The token the console uses by default on the embedded engine. */
export const DEMO_TOKEN = DEMO_TOKENS.administrator;

/** Bumped when the persisted state's shape changes. */
export const STATE_SCHEMA_VERSION = 1;
