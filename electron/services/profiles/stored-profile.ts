// What the settings file holds about profiles: never a SecretKey or a token (those live in the OS keychain).

/** The non-secret half of a profile, as written to settings.json. */
export interface StoredProfile {
  /** The AccessKey id (not a secret; shown masked). */
  secretId: string;
  /** API region, e.g. `ap-guangzhou`. */
  region: string;
  /** Endpoint override (URL or host), or null for the public endpoint. */
  endpoint: string | null;
  /** Whether a session token is stored in the keychain beside the SecretKey. */
  hasToken: boolean;
  /** Unix seconds when the profile was (last) added. */
  createdAt: number;
  /** The recording template `taper record` and the form use when none is chosen; absent: none (the platform's HLS). */
  defaultTemplateId?: number;
}

/** The profile keys of settings.json (other parts of the app may add keys of their own). */
export interface ProfileSettings extends Record<string, unknown> {
  /** Profiles by name. */
  profiles: Record<string, StoredProfile>;
  /** The profile used when none is named (and no TENCENTCLOUD_* variables are set); null: none chosen. */
  defaultProfile: string | null;
}
