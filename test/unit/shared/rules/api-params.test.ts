import { describe, expect, it } from 'vitest';
import { toCreateRecordTaskParams } from '../../../../shared/rules/api-params.js';

describe('toCreateRecordTaskParams', () => {
  it('maps a "now" request to the required parameters only, with no StartTime', () => {
    const params = toCreateRecordTaskParams({
      domainName: ' 5000.live.push.com ',
      appName: 'live ',
      streamName: ' livetest',
      endTime: 1589904000,
    });
    expect(params).toEqual({
      DomainName: '5000.live.push.com',
      AppName: 'live',
      StreamName: 'livetest',
      EndTime: 1589904000,
    });
    expect(JSON.stringify(params)).toBe(
      '{"DomainName":"5000.live.push.com","AppName":"live","StreamName":"livetest","EndTime":1589904000}',
    );
  });

  it('carries every option given, as the API names them (the seed example)', () => {
    expect(
      toCreateRecordTaskParams({
        domainName: '5000.live.push.com',
        appName: 'live',
        streamName: 'livetest',
        startTime: 1589889600,
        endTime: 1589904000,
        streamType: 1,
        templateId: 0,
        extension: '',
      }),
    ).toEqual({
      DomainName: '5000.live.push.com',
      AppName: 'live',
      StreamName: 'livetest',
      StartTime: 1589889600,
      EndTime: 1589904000,
      StreamType: 1,
      TemplateId: 0,
      Extension: '',
    });
  });
});
