import type { User } from '../engine';
import { json, route, type Dto } from './kit';

/** The engine's user as the spec's extended profile (properties and roles default to empty). */
function toUserProfile(user: User) {
  return { properties: {}, roles: {}, ...user } satisfies Dto['UserProfileExtendedResponse'];
}

/** GET /current-user. */
export const userRoutes = [
  route('getCurrentUser', ({ engine, actor }) => json(toUserProfile(engine.currentUser(actor)))),
];
