import { describe, expect, it } from 'vitest';
import type { RecordRequest } from '../../../../shared/domain.js';
import { MAX_END_AHEAD_SECONDS, MAX_START_AHEAD_SECONDS, MAX_WINDOW_SECONDS } from '../../../../shared/rules/limits.js';
import { normalizeRecordRequest, validateRecordRequest } from '../../../../shared/rules/validate-record.js';

const NOW = 1_795_608_000; // 2026-11-25T12:00:00Z
const HOUR = 3600;
const DAY = 86_400;

const valid: RecordRequest = {
  domainName: '5000.livepush.myqcloud.com',
  appName: 'live',
  streamName: 'show-42',
  startTime: NOW + HOUR,
  endTime: NOW + 2 * HOUR,
};

/** The codes returned for a request built from `valid` with `patch` applied. */
function codes(patch: Partial<Record<keyof RecordRequest, unknown>>): string[] {
  return validateRecordRequest({ ...valid, ...patch } as RecordRequest, NOW).map((problem) => problem.code);
}

describe('validateRecordRequest: names', () => {
  it('accepts a plain valid request', () => {
    expect(validateRecordRequest(valid, NOW)).toEqual([]);
  });

  it.each([
    ['domainName', 'DomainName.Required'],
    ['appName', 'AppName.Required'],
    ['streamName', 'StreamName.Required'],
  ] as const)('requires %s (missing, empty or blank)', (field, code) => {
    expect(codes({ [field]: undefined })).toEqual([code]);
    expect(codes({ [field]: '' })).toEqual([code]);
    expect(codes({ [field]: '   ' })).toEqual([code]);
  });

  it('judges names after trimming', () => {
    expect(codes({ domainName: '  5000.livepush.myqcloud.com ', appName: ' live', streamName: 'show ' })).toEqual([]);
    expect(
      normalizeRecordRequest({ ...valid, domainName: ' a.b ', appName: ' live ', streamName: '\tshow\n' }),
    ).toMatchObject({
      domainName: 'a.b',
      appName: 'live',
      streamName: 'show',
    });
  });

  it.each([
    'rtmp://5000.livepush.myqcloud.com/live/show',
    'https://5000.livepush.myqcloud.com',
    '5000.livepush.myqcloud.com/live',
    '5000.livepush.myqcloud.com:1935',
    'user@5000.livepush.myqcloud.com',
  ])('refuses the URL-like domain %j as DomainName.IsUrl', (domainName) => {
    expect(codes({ domainName })).toEqual(['DomainName.IsUrl']);
  });

  it.each([
    'localhost',
    'a..b',
    '-a.b',
    'a-.b',
    'a b.com',
    'pu_sh.example.com',
    'ex ample.com',
    '直播.example.com',
    `${'a'.repeat(64)}.com`,
  ])('refuses the malformed domain %j as DomainName.Invalid', (domainName) => {
    expect(codes({ domainName })).toEqual(['DomainName.Invalid']);
  });

  it('accepts domains up to 253 characters and refuses 254', () => {
    const label = 'a'.repeat(63);
    const domain253 = [label, label, label, 'a'.repeat(61)].join('.');
    expect(domain253).toHaveLength(253);
    expect(codes({ domainName: domain253 })).toEqual([]);
    expect(codes({ domainName: `${domain253}a` })).toEqual(['DomainName.Invalid']);
    expect(codes({ domainName: 'Push.Example.COM' })).toEqual([]);
  });

  it('allows letters, digits, _ - . ~ in app and stream, and / between app segments only', () => {
    expect(codes({ appName: 'live_1-a.b~c', streamName: 'Show_1-a.b~c' })).toEqual([]);
    expect(codes({ appName: 'live/sub' })).toEqual([]);
    expect(codes({ streamName: 'show/sub' })).toEqual(['StreamName.Invalid']);
    expect(codes({ appName: '/live' })).toEqual(['AppName.Invalid']);
    expect(codes({ appName: 'live/' })).toEqual(['AppName.Invalid']);
    expect(codes({ appName: 'live//sub' })).toEqual(['AppName.Invalid']);
    expect(codes({ appName: 'li ve' })).toEqual(['AppName.Invalid']);
    expect(codes({ streamName: 'show?x=1' })).toEqual(['StreamName.Invalid']);
    expect(codes({ streamName: '节目' })).toEqual(['StreamName.Invalid']);
  });

  it('accepts 128 characters for app and stream and refuses 129', () => {
    expect(codes({ appName: 'a'.repeat(128), streamName: 's'.repeat(128) })).toEqual([]);
    expect(codes({ appName: 'a'.repeat(129) })).toEqual(['AppName.Invalid']);
    expect(codes({ streamName: 's'.repeat(129) })).toEqual(['StreamName.Invalid']);
  });

  it('refuses names that are not text', () => {
    expect(codes({ domainName: 42, appName: ['live'], streamName: {} })).toEqual([
      'DomainName.Invalid',
      'AppName.Invalid',
      'StreamName.Invalid',
    ]);
  });
});

describe('validateRecordRequest: times at their boundaries', () => {
  it('requires EndTime as whole seconds', () => {
    for (const endTime of [undefined, null, Number.NaN, Infinity, NOW + 1.5, '1795611600', -1]) {
      expect(codes({ endTime })).toEqual(['EndTime.Required']);
    }
  });

  it('refuses a StartTime that is not whole seconds', () => {
    for (const startTime of [null, Number.NaN, NOW + 0.5, '1795611600', -5]) {
      expect(codes({ startTime })).toEqual(['StartTime.Invalid']);
    }
  });

  it('wants EndTime after StartTime', () => {
    expect(codes({ startTime: NOW + HOUR, endTime: NOW + HOUR + 1 })).toEqual([]);
    expect(codes({ startTime: NOW + HOUR, endTime: NOW + HOUR })).toEqual(['EndTime.NotAfterStart']);
    expect(codes({ startTime: NOW + HOUR, endTime: NOW + HOUR - 1 })).toEqual(['EndTime.NotAfterStart']);
  });

  it('wants EndTime in the future', () => {
    expect(codes({ startTime: undefined, endTime: NOW + 1 })).toEqual([]);
    expect(codes({ startTime: undefined, endTime: NOW })).toEqual(['EndTime.InPast']);
    expect(codes({ startTime: NOW - 2 * HOUR, endTime: NOW - HOUR })).toEqual(['EndTime.InPast']);
  });

  it('allows a window of exactly 24 h and refuses one second more', () => {
    expect(codes({ startTime: NOW + HOUR, endTime: NOW + HOUR + MAX_WINDOW_SECONDS })).toEqual([]);
    expect(codes({ startTime: NOW + HOUR, endTime: NOW + HOUR + MAX_WINDOW_SECONDS + 1 })).toEqual(['Window.TooLong']);
  });

  it('measures the window from now when StartTime is omitted', () => {
    expect(codes({ startTime: undefined, endTime: NOW + DAY })).toEqual([]);
    expect(codes({ startTime: undefined, endTime: NOW + DAY + 1 })).toEqual(['Window.TooLong']);
  });

  it('puts Window.TooLong on the endTime field', () => {
    const [problem] = validateRecordRequest({ ...valid, endTime: valid.startTime! + DAY + 1 }, NOW);
    expect(problem).toMatchObject({ code: 'Window.TooLong', field: 'endTime' });
  });

  it('allows StartTime exactly 6 days ahead and refuses one second more', () => {
    const start = NOW + MAX_START_AHEAD_SECONDS;
    expect(codes({ startTime: start, endTime: start + HOUR })).toEqual([]);
    expect(codes({ startTime: start + 1, endTime: start + 1 + HOUR })).toEqual(['StartTime.TooFarAhead']);
  });

  it('wants EndTime strictly less than 7 days ahead', () => {
    // With StartTime <= 6 days and a 24 h window the end can reach 7 days exactly: the one case this rule catches.
    const start = NOW + MAX_START_AHEAD_SECONDS;
    const edge = NOW + MAX_END_AHEAD_SECONDS;
    expect(start + MAX_WINDOW_SECONDS).toBe(edge);
    expect(codes({ startTime: start, endTime: edge - 1 })).toEqual([]);
    expect(codes({ startTime: start, endTime: edge })).toEqual(['EndTime.TooFarAhead']);
    expect(codes({ startTime: undefined, endTime: edge + 5 * DAY })).toEqual(['Window.TooLong', 'EndTime.TooFarAhead']);
  });
});

describe('validateRecordRequest: options', () => {
  it('accepts StreamType 0 and 1 only', () => {
    expect(codes({ streamType: 0 })).toEqual([]);
    expect(codes({ streamType: 1 })).toEqual([]);
    for (const streamType of [2, -1, '0', null, 0.5]) expect(codes({ streamType })).toEqual(['StreamType.Invalid']);
  });

  it('accepts a non-negative safe integer TemplateId', () => {
    expect(codes({ templateId: 0 })).toEqual([]);
    expect(codes({ templateId: 1234567 })).toEqual([]);
    expect(codes({ templateId: Number.MAX_SAFE_INTEGER })).toEqual([]);
    for (const templateId of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, '12', null, Number.NaN]) {
      expect(codes({ templateId })).toEqual(['TemplateId.Invalid']);
    }
  });

  it('accepts any string as Extension', () => {
    expect(codes({ extension: '' })).toEqual([]);
    expect(codes({ extension: 'anything' })).toEqual([]);
    for (const extension of [1, null, {}, []]) expect(codes({ extension })).toEqual(['Extension.Invalid']);
  });
});

describe('validateRecordRequest: all problems at once', () => {
  it('returns every problem with its field and an English message', () => {
    const problems = validateRecordRequest(
      {
        domainName: 'rtmp://x/live',
        appName: '',
        streamName: 'a/b',
        startTime: NOW + 7 * DAY,
        endTime: NOW + 9 * DAY,
        streamType: 3 as 0,
        templateId: -1,
        extension: 5 as unknown as string,
      },
      NOW,
    );
    expect(problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['DomainName.IsUrl', 'domainName'],
      ['AppName.Required', 'appName'],
      ['StreamName.Invalid', 'streamName'],
      ['StartTime.TooFarAhead', 'startTime'],
      ['Window.TooLong', 'endTime'],
      ['EndTime.TooFarAhead', 'endTime'],
      ['StreamType.Invalid', 'streamType'],
      ['TemplateId.Invalid', 'templateId'],
      ['Extension.Invalid', 'extension'],
    ]);
    for (const problem of problems) expect(problem.message).toMatch(/^[A-Z].{15,}$/);
  });

  it('reports past and not-after-start together', () => {
    expect(codes({ startTime: NOW - 10, endTime: NOW - 20 })).toEqual(['EndTime.NotAfterStart', 'EndTime.InPast']);
  });

  it('does not throw on a request that is not an object', () => {
    expect(validateRecordRequest(null as unknown as RecordRequest, NOW).map((problem) => problem.code)).toEqual([
      'DomainName.Required',
      'AppName.Required',
      'StreamName.Required',
      'EndTime.Required',
    ]);
  });
});
