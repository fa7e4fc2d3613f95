import { describe, expect, it } from 'vitest';
import { explainSignatureExpire, serverTimeFromMessage } from '../../../../../electron/services/live-api/clock-skew.js';
import { describeWindows, toRemoteTask, toStreamState } from '../../../../../electron/services/live-api/mapping.js';
import { toCreateRecordTaskParams as toCreateParams } from '../../../../../shared/rules/api-params.js';

describe('request and response mapping', () => {
  it('omits StartTime for a "now" request and passes optional fields when set', () => {
    expect(toCreateParams({ domainName: 'd', appName: 'a', streamName: 's', endTime: 200 })).toEqual({
      DomainName: 'd',
      AppName: 'a',
      StreamName: 's',
      EndTime: 200,
    });
    expect(
      toCreateParams({
        domainName: 'd',
        appName: 'a',
        streamName: 's',
        startTime: 100,
        endTime: 200,
        streamType: 1,
        templateId: 0,
        extension: 'x',
      }),
    ).toEqual({
      DomainName: 'd',
      AppName: 'a',
      StreamName: 's',
      StartTime: 100,
      EndTime: 200,
      StreamType: 1,
      TemplateId: 0,
      Extension: 'x',
    });
  });

  it('maps a RecordTask and skips entries without identity', () => {
    expect(
      toRemoteTask({
        TaskId: 't',
        DomainName: 'd',
        AppName: 'a',
        StreamName: 's',
        StartTime: 1,
        EndTime: 2,
        TemplateId: 0,
        Stopped: 1,
      }),
    ).toEqual({
      taskId: 't',
      domainName: 'd',
      appName: 'a',
      streamName: 's',
      startTime: 1,
      endTime: 2,
      templateId: null,
      streamType: 0,
      stopped: true,
      extension: null,
    });
    expect(
      toRemoteTask({
        TaskId: 't',
        DomainName: 'd',
        AppName: 'a',
        StreamName: 's',
        StartTime: 1,
        EndTime: 2,
        TemplateId: 7,
        Stopped: 0,
      })?.templateId,
    ).toBe(7);
    expect(toRemoteTask({ DomainName: 'd' })).toBeNull();
  });

  it('splits long windows into 7-day slices that cover the range', () => {
    const week = 7 * 86_400;
    expect(describeWindows(0, 100)).toEqual([{ startTime: 0, endTime: 100 }]);
    expect(describeWindows(0, week)).toEqual([{ startTime: 0, endTime: week }]);
    expect(describeWindows(0, 2 * week + 5)).toEqual([
      { startTime: 0, endTime: week },
      { startTime: week, endTime: 2 * week },
      { startTime: 2 * week, endTime: 2 * week + 5 },
    ]);
    expect(describeWindows(10, 10)).toEqual([]);
  });

  it('accepts only the documented stream states', () => {
    expect(toStreamState('forbid')).toBe('forbid');
    expect(toStreamState('weird')).toBeNull();
  });
});

describe('SignatureExpire explanation', () => {
  const error = { code: 'AuthFailure.SignatureExpire', message: 'Signature expired.', requestId: 'r' };

  it('says how far the clock is off from the server Date', () => {
    const explained = explainSignatureExpire(error, 1_700_000_000_000, 1_700_000_000_000 + 10 * 60_000);
    expect(explained.message).toMatch(/about 10 minutes behind/);
    expect(explained).toMatchObject({ code: 'AuthFailure.SignatureExpire', requestId: 'r' });
    expect(explainSignatureExpire(error, 1_700_000_400_000, 1_700_000_000_000).message).toMatch(
      /about 7 minutes ahead of/,
    );
  });

  it('falls back to a server time in the message, then to a generic hint', () => {
    expect(serverTimeFromMessage('differs from the server time 1700000000 (2023-...)')).toBe(1_700_000_000_000);
    expect(
      explainSignatureExpire({ ...error, message: 'server time 1700000000' }, 1_700_000_000_000 - 400_000, undefined)
        .message,
    ).toMatch(/about 7 minutes behind/);
    expect(explainSignatureExpire(error, 0, undefined).message).toMatch(/probably wrong/);
  });
});
