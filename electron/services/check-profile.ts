// `profile test`: one cheap signed read (DescribeRecordTask over the last hour) tells whether the keys work.
import { unixSeconds, type Clock } from '../../shared/clock.js';
import { clockSkewMessage } from '../../shared/errors/catalog.js';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { ok, type AppError, type Result } from '../../shared/result.js';
import type { ProfileCheck, ProfileCheckStatus } from './app-services.js';
import type { LiveApi } from './live-api/live-api.js';

const STATUS_BY_CODE: Record<string, ProfileCheckStatus> = {
  'AuthFailure.SignatureFailure': 'wrong-key',
  'AuthFailure.SecretIdNotFound': 'unknown-secret-id',
  'AuthFailure.InvalidSecretId': 'unknown-secret-id',
  'AuthFailure.SignatureExpire': 'clock-off',
  [LocalErrorCode.Network]: 'no-network',
  [LocalErrorCode.Timeout]: 'no-network',
  [LocalErrorCode.HttpError]: 'no-network',
  [LocalErrorCode.InvalidResponse]: 'no-network',
};

const MESSAGES: Record<Exclude<ProfileCheckStatus, 'refused' | 'clock-off'>, string> = {
  ok: 'keys OK: the API accepted a signed call.',
  'wrong-key': 'wrong key: the SecretKey does not match this SecretId.',
  'unknown-secret-id': 'unknown SecretId: no such key exists (deleted, or a typo).',
  'no-network': 'no network: the API could not be reached.',
};

export function describeCheckFailure(error: AppError): ProfileCheck {
  const status = STATUS_BY_CODE[error.code] ?? 'refused';
  const requestId = error.requestId === undefined ? {} : { requestId: error.requestId };
  if (status === 'clock-off') {
    const skew = /(-?\d+)\s*s(?:econds)?\b/.exec(error.message);
    const detail = skew?.[1] ? clockSkewMessage(Number(skew[1]), 'en') : error.message;
    return { status, message: `clock off: ${detail} Fix the system clock (enable NTP) and try again.`, ...requestId };
  }
  if (status === 'refused')
    return { status, message: `the API refused the call: [${error.code}] ${error.message}`, ...requestId };
  return { status, message: `${MESSAGES[status]} (${error.code})`, ...requestId };
}

export async function checkProfileKeys(api: LiveApi, clock: Clock): Promise<Result<ProfileCheck>> {
  const now = unixSeconds(clock);
  const listed = await api.describeRecordTasks({ startTime: now - 3600, endTime: now });
  return ok(listed.ok ? { status: 'ok', message: MESSAGES.ok } : describeCheckFailure(listed.error));
}
