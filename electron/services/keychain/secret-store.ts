// The OS keychain as the services see it: the only place a SecretKey or session token is ever written.
import type { Result } from '../../../shared/result.js';

export interface SecretStore {
  /** The secret stored for `account`, or null when there is none. */
  get(account: string): Promise<Result<string | null>>;
  /** Stores (or replaces) the secret for `account`. */
  set(account: string, secret: string): Promise<Result<void>>;
  /** Removes the secret; true if one was there. */
  delete(account: string): Promise<Result<boolean>>;
}
