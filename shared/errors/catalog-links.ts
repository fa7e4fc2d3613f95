// Where a user can act on an error. Only https pages of the Tencent Cloud console or docs, so the app's
// openExternal allowlist (cloud.tencent.com, console.cloud.tencent.com) admits every one.
import type { CatalogCode } from './catalog-codes.js';

const API_KEYS = 'https://console.cloud.tencent.com/cam/capi';
const CAM = 'https://console.cloud.tencent.com/cam';
const LIVE = 'https://console.cloud.tencent.com/live';
const LIVE_DOMAINS = 'https://console.cloud.tencent.com/live/domainmanage';

export const CATALOG_LINKS: Partial<Record<CatalogCode, string>> = {
  'ResourceUnavailable.InvalidVodStatus': 'https://console.cloud.tencent.com/vod',
  'InternalError.GetConfigError': LIVE,
  AuthFailure: API_KEYS,
  'AuthFailure.InvalidSecretId': API_KEYS,
  'AuthFailure.SecretIdNotFound': API_KEYS,
  'AuthFailure.SignatureFailure': API_KEYS,
  'AuthFailure.UnauthorizedOperation': CAM,
  UnauthorizedOperation: CAM,
  IpNotInWhitelist: CAM,
  IpInBlacklist: CAM,
  'ResourceNotFound.ForbidService': 'https://console.cloud.tencent.com/workorder',
  'ResourceNotFound.FreezeService': 'https://console.cloud.tencent.com/expense/overview',
  'ResourceNotFound.StopService': LIVE,
  'ResourceNotFound.UserDisableService': LIVE,
  'ResourceNotFound.DomainNotExist': LIVE_DOMAINS,
  'InvalidParameter.DomainFormatError': LIVE_DOMAINS,
};
