// Checks a new profile before anything touches the keychain or the settings file.
import type { NewProfile } from '../../../shared/ipc/types.js';
/** Profile names double as keychain account parts and CLI arguments: keep them plain. */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
/** Tencent Cloud SecretIds are letters and digits (`AKID…`, 36 characters for permanent keys; STS ids differ in length). */
export const SECRET_ID_PATTERN = /^[A-Za-z0-9]{16,128}$/;
const REGION_PATTERN = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

/** The fields of a new profile, as the contract defines them. */
export type ProfileFields = NewProfile;

/** One rule a new profile broke. */
export interface ProfileProblem {
  /** Stable code, e.g. `ProfileNameInvalid`. */
  code: string;
  /** The input field at fault. */
  field: keyof ProfileFields;
  /** English message for the CLI and logs; never contains the secret. */
  message: string;
}

/** Every problem at once, so a form can show each on its field. */
export function profileProblems(input: ProfileFields): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (field: keyof ProfileFields, code: string, message: string) => problems.push({ field, code, message });
  if (!PROFILE_NAME_PATTERN.test(input.name)) {
    add('name', 'ProfileNameInvalid', 'Profile name: 1 to 64 letters, digits, ".", "_" or "-".');
  }
  if (!SECRET_ID_PATTERN.test(input.secretId.trim())) {
    add('secretId', 'SecretIdInvalid', 'SecretId: 16 to 128 letters and digits (it usually starts with AKID).');
  }
  if (input.secretKey.trim() === '') add('secretKey', 'SecretKeyMissing', 'SecretKey is required.');
  if (input.region !== undefined && input.region.trim() !== '' && !REGION_PATTERN.test(input.region.trim())) {
    add('region', 'RegionInvalid', 'Region: a Tencent Cloud region such as ap-guangzhou.');
  }
  if (input.endpoint !== undefined && input.endpoint.trim() !== '' && !isEndpoint(input.endpoint.trim())) {
    add(
      'endpoint',
      'EndpointInvalid',
      'Endpoint: an http(s) URL such as https://live.intl.tencentcloudapi.com, or a host name.',
    );
  }
  return problems;
}

function isEndpoint(value: string): boolean {
  if (/^[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
