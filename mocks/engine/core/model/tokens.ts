/** API tokens as the state keeps them (rules and operations: tokens/). */
import type { TokenScope } from './access';

/** A stored token: everything but the secret. */
export interface TokenRecord {
  id: string;
  userId: string;
  /** Hex SHA-256 of the secret. */
  hash: string;
  description: string;
  type: 'static';
  created_at: string;
  created_by: string;
  expires_at?: string;
  last_used_at?: string;
  scope?: TokenScope;
}
