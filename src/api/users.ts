import { api, unwrap } from './client';

/** The signed-in user. */
export function getCurrentUser() {
  return unwrap(api.GET('/current-user'));
}
