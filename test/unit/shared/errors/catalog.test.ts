import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clockSkewMessage,
  describeError,
  isCatalogCode,
  LANGUAGES,
  resolveCatalogCode,
} from '../../../../shared/errors/catalog.js';
import { CATALOG_CODES } from '../../../../shared/errors/catalog-codes.js';
import { CATALOG_LINKS } from '../../../../shared/errors/catalog-links.js';
import { LocalErrorCode } from '../../../../shared/errors/local-codes.js';

/** The "6. Error Code" table of the API page, which sits beside the repository (also in CI). */
function seedErrorCodes(): string[] {
  const page = readFileSync(resolve(process.cwd(), '../shared/seed/CreateRecordTask.txt'), 'utf8');
  const section = page.split(/^6\. Error Code$/m)[1] ?? '';
  const table = section.split(/^Error Code Description$/m)[1] ?? '';
  // The table runs from its header to the first blank line; "Was this page helpful?" follows it.
  const rows = table.replace(/^\n+/, '').split(/\n\s*\n/)[0] ?? '';
  return rows
    .split('\n')
    .map((line) => /^([A-Z][A-Za-z]+(?:\.[A-Za-z]+)*) /.exec(line.trim())?.[1])
    .filter((code): code is string => code !== undefined);
}

const COMMON_CODES = [
  'AuthFailure.InvalidSecretId',
  'AuthFailure.MFAFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SignatureFailure',
  'AuthFailure.TokenFailure',
  'AuthFailure.UnauthorizedOperation',
  'AuthFailure.InvalidAuthorization',
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
  'ResourceNotFound.ForbidService',
  'ResourceNotFound.FreezeService',
  'ResourceNotFound.StopService',
  'ResourceNotFound.UserDisableService',
  'ResourceNotFound.TaskId',
];

describe('error catalog completeness', () => {
  it('reads the seed table (guards the parser itself)', () => {
    expect(seedErrorCodes()).toEqual([
      'InternalError',
      'InternalError.GetConfigError',
      'InternalError.NetworkError',
      'InvalidParameter',
      'LimitExceeded.MaximumRunningTask',
      'ResourceUnavailable.InvalidVodStatus',
      'UnsupportedOperation',
    ]);
  });

  const required = [...new Set([...seedErrorCodes(), ...COMMON_CODES, ...Object.values(LocalErrorCode)])];

  it.each(required)('%s has its own entry with a title and a next step in English and Chinese', (code) => {
    expect(isCatalogCode(code)).toBe(true);
    const [english, chinese] = LANGUAGES.map((language) => describeError({ code }, language));
    for (const description of [english, chinese]) {
      expect(description?.title.trim().length).toBeGreaterThan(5);
      expect(description?.nextStep.trim().length).toBeGreaterThan(5);
    }
    expect(english?.title).toMatch(/[A-Za-z]/);
    // The Chinese text is Chinese, not a copy of the English.
    expect(chinese?.title).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese?.nextStep).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese?.title).not.toBe(english?.title);
  });

  it('links only to https pages on cloud.tencent.com or console.cloud.tencent.com', () => {
    const links = Object.values(CATALOG_LINKS);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^https:\/\/(console\.)?cloud\.tencent\.com(\/[\w\-/]*)?$/);
  });

  it('lists each code once', () => {
    expect(new Set(CATALOG_CODES).size).toBe(CATALOG_CODES.length);
  });
});

describe('describeError', () => {
  it('points an inactive VOD at the VOD console', () => {
    const description = describeError(
      { code: 'ResourceUnavailable.InvalidVodStatus', message: 'VOD not activated' },
      'en',
    );
    expect(description.title).toContain('VOD');
    expect(description.link).toBe('https://console.cloud.tencent.com/vod');
    expect(describeError({ code: 'ResourceUnavailable.InvalidVodStatus' }, 'zh-CN').nextStep).toContain('云点播');
  });

  it('uses the exact entry without repeating the platform message', () => {
    expect(
      describeError(
        { code: 'AuthFailure.SignatureFailure', message: 'The provided credentials could not be validated.' },
        'en',
      ).title,
    ).toBe('The signature is wrong: the SecretKey does not match the SecretId.');
  });

  it('falls back to the nearest parent and keeps the platform message', () => {
    expect(resolveCatalogCode('InvalidParameter.Foo')).toBe('InvalidParameter');
    expect(resolveCatalogCode('AuthFailure.Something.Deeper')).toBe('AuthFailure');
    expect(resolveCatalogCode('LimitExceeded.Other')).toBe('LimitExceeded');
    const description = describeError({ code: 'InvalidParameter.Foo', message: 'StreamName too long' }, 'en');
    expect(description.title).toContain('rejected a parameter');
    expect(description.title).toContain('InvalidParameter.Foo: StreamName too long');
    expect(describeError({ code: 'InvalidParameter.Foo' }, 'zh-CN').title).toContain('(InvalidParameter.Foo)');
  });

  it('gives a generic entry for a code with no known parent', () => {
    expect(resolveCatalogCode('Weird.Thing')).toBeUndefined();
    const description = describeError({ code: 'Weird.Thing', message: 'boom' }, 'en');
    expect(description.title).toContain('Weird.Thing: boom');
    expect(description.nextStep).toContain('RequestId');
    expect(description.link).toBeUndefined();
    expect(describeError({ code: '' }, 'zh-CN').title).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('clockSkewMessage', () => {
  it('says how far behind or ahead the clock is', () => {
    expect(clockSkewMessage(-432, 'en')).toBe("Your clock is 7 min 12 s behind the server's.");
    expect(clockSkewMessage(3601, 'en')).toBe("Your clock is 1 h 1 s ahead of the server's.");
    expect(clockSkewMessage(-432, 'zh-CN')).toBe('您的时钟比服务器慢 7 分 12 秒。');
    expect(clockSkewMessage(600, 'zh-CN')).toBe('您的时钟比服务器快 10 分。');
    expect(clockSkewMessage(0.2, 'en')).toBe("Your clock matches the server's.");
  });
});
