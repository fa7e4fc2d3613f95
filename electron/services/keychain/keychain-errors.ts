// Turns what @napi-rs/keyring throws into a catalog error that names the cause and the fix. Measured messages
// (gnome-keyring 2.1.2 bindings, headless D-Bus session):
// - no D-Bus: "Platform failure: DBus error: Failed to connect to socket ..." / "... autolaunch was disabled ..."
//   (thrown synchronously by the AsyncEntry constructor);
// - locked collection, no prompter: "Couldn't access platform storage: Secret Service: unlock prompt was dismissed";
// - Secret Service without a default collection: "Couldn't access platform storage: Secret Service: no result found".
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { AppError } from '../../../shared/result.js';

const UNAVAILABLE_FIX =
  'Install and unlock an OS keychain: gnome-keyring or KWallet (Secret Service) on Linux, the login Keychain on macOS, ' +
  'Credential Manager on Windows. On a headless server run inside a D-Bus session with an unlocked keyring, e.g. ' +
  "`dbus-run-session -- sh -c 'echo PASSWORD | gnome-keyring-daemon --unlock --components=secrets; taper ...'`. " +
  'Taper never stores keys in a plain file instead.';

const LOCKED_FIX =
  'Unlock the keyring (log in to the desktop session, or run `gnome-keyring-daemon --unlock` / unlock it in Seahorse or ' +
  'KWallet) and answer the unlock prompt, then try again.';

const LOCKED_PATTERNS = [
  /prompt was dismissed/i,
  /\blocked\b/i,
  /user (?:canceled|cancelled|denied)/i,
  /interaction not allowed/i,
];

/** Why the keychain call failed, without the secret (scrubbed even if a platform message ever echoed it). */
export function keychainError(error: unknown, secret?: string): AppError {
  const raw = error instanceof Error ? error.message : String(error);
  const cause = secret ? raw.split(secret).join('[redacted]') : raw;
  if (LOCKED_PATTERNS.some((pattern) => pattern.test(cause))) {
    return { code: LocalErrorCode.KeychainLocked, message: `The OS keychain is locked (${cause}). ${LOCKED_FIX}` };
  }
  return {
    code: LocalErrorCode.KeychainUnavailable,
    message: `No OS keychain could be reached (${cause}). ${UNAVAILABLE_FIX}`,
  };
}

/** A call that did not answer in time: on a desktop that is an unlock prompt nobody answered. */
export function keychainTimeout(timeoutMs: number): AppError {
  return {
    code: LocalErrorCode.KeychainLocked,
    message: `The OS keychain did not answer within ${Math.round(timeoutMs / 1000)} s (an unlock prompt may be waiting). ${LOCKED_FIX}`,
  };
}
