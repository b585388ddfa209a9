/**
 * The embedded engine's seeded users, for the user switcher. Their tokens are
 * the public, local-only demo values the README lists; against a real API the
 * console asks for a token instead (features/session).
 */
export const DEMO_SIGN_INS = [
  { token: 'hum_demo_admin_token', name: 'Alex Admin', role: 'administrator' },
  {
    token: 'hum_demo_developer_token',
    name: 'Dana Developer',
    role: 'member, developer',
  },
  { token: 'hum_demo_viewer_token', name: 'Vic Viewer', role: 'orgViewer' },
] as const;

/** Where the tab keeps its token (sessionStorage: this tab only, never the URL). */
export const TOKEN_STORAGE_KEY = 'console:api-token';

/** Acts as another seeded user: keeps its token for this tab and reloads, so every cached answer is dropped. */
export function actAs(token: string): void {
  sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  window.location.reload();
}
