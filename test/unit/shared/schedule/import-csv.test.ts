import { describe, expect, it } from 'vitest';
import { parseImportCsv } from '../../../../shared/schedule/import-csv.js';

const NOW = Math.floor(Date.parse('2026-06-01T00:00:00Z') / 1000);
const options = { timeZone: 'Asia/Shanghai', nowSeconds: NOW };

describe('parseImportCsv', () => {
  it('reads rows with wall times in the zone, durations, templates and mixed flags', () => {
    const text =
      'domain,app,stream,from,duration,template,mixed\r\n' +
      'push.example.com,live,a,2026-06-01 20:00,2h,7,\r\n' +
      '"push.example.com",live,"b",,90m,,yes\r\n';
    const parsed = parseImportCsv(text, options);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        request: {
          domainName: 'push.example.com',
          appName: 'live',
          streamName: 'a',
          startTime: Date.parse('2026-06-01T20:00:00+08:00') / 1000,
          endTime: Date.parse('2026-06-01T22:00:00+08:00') / 1000,
          streamType: 0,
          templateId: 7,
        },
      },
      {
        line: 3,
        request: {
          domainName: 'push.example.com',
          appName: 'live',
          streamName: 'b',
          endTime: NOW + 5_400,
          streamType: 1,
        },
      },
    ]);
  });

  it('accepts windows over 24 h and far ahead (the scheduler chains and plans them)', () => {
    const parsed = parseImportCsv(
      'domain,app,stream,from,until\npush.example.com,live,a,2026-06-20 00:00,2026-06-23 00:00\n',
      options,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
  });

  it('reports every bad row with its line number, valid rows kept', () => {
    const text = [
      'domain,app,stream,from,until',
      'push.example.com,live,ok,+1h,+2h',
      'https://push.example.com,live,bad-domain,+1h,+2h',
      'push.example.com,live,backwards,+3h,+1h',
      'push.example.com,live,x,tomorrowish,+2h',
      'push.example.com,live,ok,+1h,+2h',
    ].join('\n');
    const parsed = parseImportCsv(text, options);
    expect(parsed.rows.map((row) => row.line)).toEqual([2]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6]);
    expect(parsed.problems[0]?.message).toMatch(/domainName/);
    expect(parsed.problems[1]?.message).toMatch(/not after the start/);
    expect(parsed.problems[2]?.message).toMatch(/^from:/);
    expect(parsed.problems[3]?.message).toMatch(/line 2/);
  });

  it('requires a header naming the columns', () => {
    expect(parseImportCsv('push.example.com,live,a,+1h,+2h\n', options).problems[0]?.message).toMatch(
      /Unknown column|header/,
    );
    expect(parseImportCsv('domain,app,stream,from,until,duration\n', options).problems[0]?.message).toMatch(
      /exactly one/,
    );
    expect(parseImportCsv('', options).problems[0]?.message).toMatch(/empty/);
  });

  it('counts lines inside quoted fields and reports an unclosed quote', () => {
    const parsed = parseImportCsv(
      'domain,app,stream,from,until\n"push.example.com",live,a,+1h,+2h\npush.example.com,"li\nve",b,+1h,+2h\npush.example.com,live,c,+1h,nope\n',
      options,
    );
    expect(parsed.problems.map((problem) => problem.line)).toEqual([3, 5]);
    expect(parseImportCsv('domain,app,stream,from,until\n"push', options).problems[0]?.message).toMatch(/not closed/);
  });
});
