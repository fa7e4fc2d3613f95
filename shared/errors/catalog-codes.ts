// Every error code the catalog explains. Each language file is typed `Record<CatalogCode, ...>`, so a code
// added here without its texts does not compile.
import { LocalErrorCode } from './local-codes.js';

/** The codes the CreateRecordTask page lists (../shared/seed/CreateRecordTask.txt, "6. Error Code"). */
export const SEED_ERROR_CODES = [
  'InternalError',
  'InternalError.GetConfigError',
  'InternalError.NetworkError',
  'InvalidParameter',
  'LimitExceeded.MaximumRunningTask',
  'ResourceUnavailable.InvalidVodStatus',
  'UnsupportedOperation',
] as const;

/** Tencent Cloud API 3.0 common error codes, which any product may return. */
export const COMMON_ERROR_CODES = [
  'ActionOffline',
  'AuthFailure',
  'AuthFailure.InvalidAuthorization',
  'AuthFailure.InvalidSecretId',
  'AuthFailure.MFAFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SignatureFailure',
  'AuthFailure.TokenFailure',
  'AuthFailure.UnauthorizedOperation',
  'DryRunOperation',
  'FailedOperation',
  'InternalError',
  'InvalidAction',
  'InvalidParameter',
  'InvalidParameterValue',
  'InvalidRequest',
  'IpInBlacklist',
  'IpNotInWhitelist',
  'LimitExceeded',
  'MissingParameter',
  'NoSuchProduct',
  'NoSuchVersion',
  'RequestLimitExceeded',
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
  'RequestLimitExceeded.IPLimitExceeded',
  'RequestLimitExceeded.UinLimitExceeded',
  'RequestSizeLimitExceeded',
  'ResourceInUse',
  'ResourceInsufficient',
  'ResourceNotFound',
  'ResourceUnavailable',
  'ResponseSizeLimitExceeded',
  'ServiceUnavailable',
  'UnauthorizedOperation',
  'UnknownParameter',
  'UnsupportedOperation',
  'UnsupportedProtocol',
  'UnsupportedRegion',
] as const;

/** Live (live.tencentcloudapi.com) codes that concern recording tasks; other `InvalidParameter.*` fall back by prefix. */
export const LIVE_ERROR_CODES = [
  'ResourceNotFound.ForbidService',
  'ResourceNotFound.FreezeService',
  'ResourceNotFound.StopService',
  'ResourceNotFound.UserDisableService',
  'ResourceNotFound.TaskId',
  'ResourceNotFound.DomainNotExist',
  'InvalidParameter.DomainFormatError',
] as const;

/** Codes Taper raises itself. */
export const LOCAL_ERROR_CODES: readonly LocalErrorCode[] = Object.values(LocalErrorCode);

/** Any code with a catalog entry. */
export type CatalogCode =
  | (typeof SEED_ERROR_CODES)[number]
  | (typeof COMMON_ERROR_CODES)[number]
  | (typeof LIVE_ERROR_CODES)[number]
  | LocalErrorCode;

/** Every catalog code once. */
export const CATALOG_CODES: readonly CatalogCode[] = [
  ...new Set<CatalogCode>([...SEED_ERROR_CODES, ...COMMON_ERROR_CODES, ...LIVE_ERROR_CODES, ...LOCAL_ERROR_CODES]),
];
