import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../../shared/history.js';
import { csvCell, EXPORT_FIELDS, toCsv, toJson } from '../../../../../electron/services/history/history-export.js';

const base: HistoryEntry = {
  id: 'x',
  taskId: 'T1',
  requestId: 'R1',
  status: 'failed',
  domain: 'd.example.com',
  app: 'live',
  stream: 'show',
  startTime: null,
  endTime: 20,
  templateId: null,
  streamType: 0,
  profile: null,
  region: 'ap-guangzhou',
  createdAt: 10,
  updatedAt: 11,
  error: { code: 'InvalidParameter', message: 'bad "time", really' },
  source: 'taper',
  extension: null,
};

describe('CSV export', () => {
  it('has the CLI contract header, in order', () => {
    expect(toCsv([]).split('\r\n')[0]).toBe(
      'taskId,requestId,status,domain,app,stream,startTime,endTime,templateId,streamType,profile,region,createdAt,error',
    );
    expect(EXPORT_FIELDS).toHaveLength(14);
  });

  it('quotes per RFC 4180 and writes nulls as empty cells', () => {
    const row = toCsv([base]).split('\r\n')[1];
    expect(row).toBe(
      'T1,R1,failed,d.example.com,live,show,,20,,0,,ap-guangzhou,10,"InvalidParameter: bad ""time"", really"',
    );
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)'])('defuses a formula-looking cell %s', (value) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    const row = toCsv([{ ...base, stream: value }]).split('\r\n')[1] ?? '';
    expect(row).toContain(`'${value.replaceAll('"', '""')}`);
  });
});

describe('JSON export', () => {
  it('lists contract fields first and keeps the rest', () => {
    const parsed = JSON.parse(toJson([base])) as Record<string, unknown>[];
    expect(Object.keys(parsed[0] ?? {}).slice(0, 14)).toEqual([...EXPORT_FIELDS]);
    expect(parsed[0]).toMatchObject({ id: 'x', source: 'taper', error: base.error });
  });
});
