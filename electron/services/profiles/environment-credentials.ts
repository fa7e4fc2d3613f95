// Credentials from the environment, the convention of Tencent's own CLI. Kept apart from the profile service so
// automation that uses them never loads the settings store at all (a faster `taper record` in cron).
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import type { ResolvedProfile } from '../app-services.js';

/** Used when neither the profile nor TENCENTCLOUD_REGION names a region. */
export const DEFAULT_REGION = 'ap-guangzhou';

type Environment = Readonly<Record<string, string | undefined>>;

/** TAPER_ENDPOINT overrides every profile's endpoint (the sandbox, a private endpoint). */
export const endpointOverride = (env: Environment): string | null => env['TAPER_ENDPOINT']?.trim() || null;

/** null when no TENCENTCLOUD_* key variable is set; an error when only one of the two is. */
export function credentialsFromEnvironment(env: Environment): Result<ResolvedProfile> | null {
  const secretId = env['TENCENTCLOUD_SECRET_ID']?.trim() ?? '';
  const secretKey = env['TENCENTCLOUD_SECRET_KEY']?.trim() ?? '';
  if (secretId === '' && secretKey === '') return null;
  if (secretId === '' || secretKey === '') {
    const missing = secretId === '' ? 'TENCENTCLOUD_SECRET_ID' : 'TENCENTCLOUD_SECRET_KEY';
    return err(
      LocalErrorCode.CredentialsMissing,
      `Environment credentials are incomplete: ${missing} is not set (set both, or unset both to use a profile).`,
    );
  }
  const token = env['TENCENTCLOUD_SESSION_TOKEN']?.trim();
  return ok({
    profile: null,
    credentials: token ? { secretId, secretKey, token } : { secretId, secretKey },
    region: env['TENCENTCLOUD_REGION']?.trim() || DEFAULT_REGION,
    endpoint: endpointOverride(env),
  });
}
